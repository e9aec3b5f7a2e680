"""The pages are valid HTML, as the W3C's Nu HTML Checker (vnu) reads them, offline.

vnu.jar comes from the `vnu-jar` npm package, which scripts/prerequisites.sh installs into
.tools/ (git-ignored); Java runs it.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from signatories.models import Citation

# The markup is the same on either database: checked once.
pytestmark = pytest.mark.once

PROJECT = Path(__file__).resolve().parents[2]
VNU = PROJECT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _vnu_errors(pages: dict[str, str], directory: Path) -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("The Nu HTML Checker needs Java and .tools/: run scripts/prerequisites.sh.")
    files = []
    for number, (url, html) in enumerate(pages.items()):
        path = directory / f"page-{number}.html"
        path.write_text(html)
        files.append((str(path), url))
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *(p for p, _ in files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    urls = {f"file:{path}": url for path, url in files}
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{urls.get(message.get('url'), message.get('url'))}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in messages
    ]


@pytest.mark.django_db
def test_the_home_list_supporter_and_principle_pages_are_valid_html(client, tmp_path):
    fixtures = sorted(str(path) for path in (PROJECT / "fixtures").glob("*.json"))
    call_command("loaddata", *fixtures, verbosity=0)
    derived = Citation.objects.filter(basis="derived", signatory__isnull=False).first()
    urls = [
        "/",
        "/signatories/",
        "/signatories/?type=state&region=europe&q=a",
        "/signatories/?type=nonsense",
        derived.signatory.get_absolute_url(),
        "/principles/",
        "/principles/1/",
    ]
    pages = {}
    for url in [*urls, *(f"/fr{url}" for url in urls)]:  # and each in French
        response = client.get(url)
        assert response.status_code in (200, 400), url
        pages[url] = response.text
    assert _vnu_errors(pages, tmp_path) == []

"""The site ships no JavaScript: every page works as it is, which is why the browser tests
run once, without JavaScript. A script added to a page or to static/ fails here first, so
that whoever adds one also brings back the browser tests' run with JavaScript on."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
PAGES = [
    "/",
    "/signatories/",
    "/signatories/?q=micro&type=private-sector",
    "/signatories/france/",
    "/principles/",
    "/principles/1/",
    "/changes/",
    "/countries/",
    "/countries/fr/",
    "/about/",
    "/embed/counters/",
    "/fr/",
    "/fr/signatories/",
    "/nowhere/",
]


def test_no_page_carries_a_script_only_linked_data(client, db):
    call_command("loaddata", *sorted(str(path) for path in FIXTURES.glob("*.json")), verbosity=0)
    for path in PAGES:
        html = client.get(path).text
        for attributes in SCRIPT.findall(html):
            assert 'type="application/ld+json"' in attributes, f"{path}: <script{attributes}>"
        assert not HANDLER.search(html.split("</head>")[-1]), f"{path}: an event handler"


def test_no_script_is_served_from_static():
    scripts = [
        path
        for folder in settings.STATICFILES_DIRS
        for path in Path(folder).rglob("*")
        if path.suffix in {".js", ".mjs"}
    ]
    assert scripts == []

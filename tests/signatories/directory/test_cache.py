"""Cached counts are shared by every process and made stale by every write."""

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import transaction
from django.urls import reverse

from signatories.cache import cached
from signatories.models import Signatory
from signatories.models.revision import current_revision
from tests.factories import SignatoryFactory

PROJECT = Path(__file__).resolve().parents[3]
LIST = reverse("signatories:list")

# A long-lived process, like a gunicorn worker: on each line of input it prints the
# number of supporters as the cached counter gives it.
READER = """
import django, sys
django.setup()
from signatories.cache import cached
from signatories.models import Signatory
for line in sys.stdin:
    print(cached("test-total", (), Signatory.objects.count), flush=True)
"""

WRITER = """
import django
django.setup()
from signatories.models import Signatory
Signatory.objects.create(name="Added elsewhere", slug="added-elsewhere", type="civil-society",
                         country="FR")
"""


def _environment(database: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pariscall.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": str(PROJECT),
    }


def test_a_write_in_one_process_is_seen_at_once_by_another_that_cached_the_count(tmp_path):
    environment = _environment(tmp_path / "shared.sqlite3")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=PROJECT, env=environment, check=True
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", READER],
        cwd=PROJECT,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:

        def ask() -> str:
            reader.stdin.write("count\n")
            reader.stdin.flush()
            return reader.stdout.readline().strip()

        assert ask() == "0"
        assert ask() == "0"  # now from the cache
        subprocess.run(
            [sys.executable, "-c", WRITER], cwd=PROJECT, env=environment, check=True, timeout=60
        )
        assert ask() == "1"
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)


def test_saving_or_deleting_a_supporter_makes_the_cached_count_stale(db):
    assert cached("total", (), Signatory.objects.count) == 0
    signatory = SignatoryFactory()
    assert cached("total", (), Signatory.objects.count) == 1
    signatory.delete()
    assert cached("total", (), Signatory.objects.count) == 0


def test_a_write_that_rolls_back_leaves_the_cached_count_in_place(db):
    assert cached("total", (), Signatory.objects.count) == 0
    with contextlib.suppress(RuntimeError), transaction.atomic():
        SignatoryFactory()
        raise RuntimeError("the write fails half-way")
    assert cached("total", (), lambda: "counted again") == 0


def test_a_write_raises_the_revision_in_its_own_transaction(db):
    before = current_revision()
    with transaction.atomic():
        SignatoryFactory()
        assert current_revision() > before
    assert current_revision() > before


# The rendered list fragment is shared by every visitor who asks for the same key: it may
# show only what the key holds, and nothing a visitor can add to the address.

FRAGMENT_VARIANTS = [
    {},
    {"ref": 'phish"><b>'},
    {"q": " "},
    {"page": "1"},
    {"q": "e"},
    {"q": "  e "},
    {"q": "e", "utm_source": "mail"},
    {"type": ["state", "civil-society"]},
    {"type": ["civil-society", "state", "state"]},
    {"country": "fr"},
    {"country": "FR"},
    {"sort": "-name"},
    {"sort": "-name", "ref": "x"},
    {"since": "2019"},
    {"since": " 2019 "},
    {"page": "2"},
    {"status": "former"},
    {"status": "all"},
    {"status": "current"},
]


def _fragment(client, parameters: dict, language: str) -> tuple[str, str]:
    """The fragment's key and what was rendered under it, from an empty cache."""
    cache.clear()
    # The address decides the language: English unprefixed, French under /fr/.
    response = client.get(LIST if language == "en" else f"/{language}{LIST}", parameters)
    assert response.status_code == 200
    key = response.context["fragment_key"]
    rendered = cache.get(make_template_fragment_key("signatory-list", [key]))
    assert rendered
    return key, rendered


@pytest.fixture
def _private_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fragment-test",
        }
    }


@pytest.mark.usefixtures("_private_cache")
def test_the_cached_list_shows_nothing_that_its_key_does_not_hold(client, db, settings):
    SignatoryFactory.create_batch(3, type="private-sector", country="FR")
    SignatoryFactory.create_batch(3, type="civil-society", country="DE", supporter_since=None)
    settings.SIGNATORIES_PER_PAGE = 4
    rendered_under: dict[str, set[str]] = {}
    for language in ("en", "fr"):
        for parameters in FRAGMENT_VARIANTS:
            key, rendered = _fragment(client, parameters, language)
            rendered_under.setdefault(key, set()).add(rendered)
    assert all(len(fragments) == 1 for fragments in rendered_under.values())
    # Equivalent addresses share one entry: the cache is not split by spacing or order.
    assert _fragment(client, {"q": "  e "}, "en")[0] == _fragment(client, {"q": "e"}, "en")[0]
    assert _fragment(client, {}, "fr")[0] != _fragment(client, {}, "en")[0]


def test_a_parameter_the_list_does_not_know_never_reaches_other_visitors(client, db):
    SignatoryFactory.create_batch(3)
    client.get(LIST, {"ref": 'phish"><b>', "q": " "})
    response = client.get(LIST)
    assert "phish" not in response.text
    assert "?ref=" not in response.text
    assert "&amp;ref=" not in response.text


def test_the_list_links_carry_the_filters_as_understood(client, db):
    SignatoryFactory(name="Estonia", type="state", country="EE")
    response = client.get(LIST, {"q": "  est  ", "country": "ee", "ref": "x"})
    text = response.text.replace("&amp;", "&")
    assert 'value="est"' in text
    assert "?q=est&country=EE" in text
    assert "ref=" not in text.replace("href=", "")

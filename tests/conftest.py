import hashlib
import os

import pytest


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """Tests speak plain HTTP to the app; production redirects to HTTPS (see test_settings)."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(scope="session", autouse=True)
def _plain_http_for_the_live_server():
    """The live server's middleware reads the setting once, when it starts."""
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(scope="session", autouse=True)
def _collected_static(django_test_environment):
    """Pages are served as in production: hashed, compressed static files from collectstatic.

    scripts/test.sh collects them once before its two passes run side by side (and says so
    in PARISCALL_STATIC_COLLECTED), so that neither rewrites the files the other is reading.
    """
    from django.core.management import call_command

    if os.environ.get("PARISCALL_STATIC_COLLECTED") != "1":
        call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _own_cache_keys(settings, request):
    """Each test sees a cache of its own, even where the cache table outlives a test."""
    settings.CACHES = {
        name: {**config, "KEY_PREFIX": hashlib.sha1(request.node.nodeid.encode()).hexdigest()}
        for name, config in settings.CACHES.items()
    }


@pytest.fixture(autouse=True)
def _english_to_start():
    """A request leaves its language active in the thread: each test starts in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _own_export_files(settings, tmp_path):
    """Each test keeps its full exports apart: revision numbers restart with each test."""
    settings.EXPORT_CACHE_DIR = tmp_path / "exports"

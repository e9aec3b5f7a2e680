import hashlib
import os
from unittest import mock

import pytest


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """Tests speak plain HTTP to the app; production redirects to HTTPS (see test_settings)."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Test users' passwords are hashed with a fast hasher, as Django advises for tests.

    The production hasher (PBKDF2, a million iterations) takes 0.4 s a password here, and
    every staff test creates a user or logs in. Checking a password works the same.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


@pytest.fixture(scope="session", autouse=True)
def _static_files_listed_once(django_test_environment):
    """WhiteNoise lists every static file each time a middleware chain is built, that is for
    every test's client: 0.2–0.4 s a test, a third of the suite's time. The files do not
    change during a run (they are collected before it), so the list is made once for each
    set of the settings that shape it, and each new middleware starts from that list.
    """
    from django.conf import settings
    from whitenoise.middleware import WhiteNoiseMiddleware

    shaping = ("DEBUG", "FORCE_SCRIPT_NAME", "INSTALLED_APPS", "STATIC_ROOT", "STATIC_URL")
    shaping += ("STATICFILES_DIRS", "STATICFILES_FINDERS", "STORAGES")
    listed: dict[str, dict] = {}
    original = WhiteNoiseMiddleware.__init__

    def __init__(self, get_response=None, settings=settings):
        names = [*shaping, *(name for name in dir(settings) if name.startswith("WHITENOISE_"))]
        key = repr([(name, getattr(settings, name, None)) for name in names])
        if key in listed:
            self.__dict__.update(listed[key], get_response=get_response)
        else:
            original(self, get_response, settings)
            listed[key] = dict(self.__dict__)

    with mock.patch.object(WhiteNoiseMiddleware, "__init__", __init__):
        yield


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

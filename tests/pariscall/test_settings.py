"""Configuration comes from the environment alone; a bad value stops start-up naming it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Start-up settings, read in fresh processes: the same whatever the test database.
pytestmark = pytest.mark.once

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "False",
    "DJANGO_SECRET_KEY": "x" * 60 + "-a-long-random-production-secret",
    "DJANGO_ALLOWED_HOSTS": "directory.example.org",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({**PRODUCTION, "DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY"),
        ({**PRODUCTION, "DJANGO_ALLOWED_HOSTS": ""}, "DJANGO_ALLOWED_HOSTS"),
        ({**PRODUCTION, "DJANGO_DEBUG": "yes please"}, "DJANGO_DEBUG"),
        ({**PRODUCTION, "DATABASE_URL": "mysql://db/pariscall"}, "DATABASE_URL"),
        ({**PRODUCTION, "DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({**PRODUCTION, "CACHE_URL": "file:///tmp/cache"}, "CACHE_URL"),
        ({**PRODUCTION, "CACHE_URL": "redis://127.0.0.1:63790000/0"}, "CACHE_URL"),
        ({**PRODUCTION, "CACHE_URL": "redis://127.0.0.1:port/0"}, "CACHE_URL"),
        ({**PRODUCTION, "CACHE_URL": "redis:///0"}, "CACHE_URL"),
        # The tests install the Redis client, not memcached's: the setting names the fix.
        ({**PRODUCTION, "CACHE_URL": "pymemcache://127.0.0.1:11211"}, "CACHE_URL"),
        ({**PRODUCTION, "DJANGO_PROXY_COUNT": "one"}, "DJANGO_PROXY_COUNT"),
        ({**PRODUCTION, "DJANGO_PROXY_COUNT": "-1"}, "DJANGO_PROXY_COUNT"),
        (
            {**PRODUCTION, "DJANGO_EXPORT_CACHE_DIR": str(PROJECT / "README.md" / "exports")},
            "DJANGO_EXPORT_CACHE_DIR",
        ),
    ],
)
def test_a_bad_or_missing_setting_stops_start_up_naming_it(env, named):
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr


def test_a_redis_cache_url_is_accepted():
    result = _manage("check", **PRODUCTION, CACHE_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_debug_is_off_unless_asked_for():
    result = _manage("diffsettings", "--all", **{**PRODUCTION, "DJANGO_DEBUG": ""})
    assert "### DEBUG = False" in result.stdout.splitlines()


def test_production_redirects_to_https_and_sends_hsts(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/admin/login/").status_code == 301
    response = client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    assert "max-age=31536000" in response["Strict-Transport-Security"]


def test_every_response_carries_the_security_headers(client):
    response = client.get("/admin/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_static_files_carry_the_security_headers_too(client):
    from django.templatetags.static import static

    response = client.get(static("css/site.css"))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


# What `make run` shows for a missing page and a bad request, asked through Django's test
# client in a process configured as `make run` configures it.
ERROR_PAGES = """
from django.test import Client
client = Client()
missing = client.get("/no-such-page/", headers={"host": "127.0.0.1"})
bad = client.get("/", headers={"host": "not-this-site.example"})
print(missing.status_code, "Go to the home page" in missing.text, "URLconf" in missing.text)
print(bad.status_code, "Go to the home page" in bad.text, "DisallowedHost" in bad.text)
"""


def test_development_shows_the_sites_own_404_and_400_pages():
    result = _manage("shell", "-c", ERROR_PAGES, DJANGO_DEBUG="True")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-6:] == ["404", "True", "False", "400", "True", "False"]


def test_django_debug_pages_show_when_asked_for_in_development():
    result = _manage("shell", "-c", ERROR_PAGES, DJANGO_DEBUG="True", DJANGO_DEBUG_PAGES="True")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-6:] == ["404", "False", "True", "400", "False", "True"]


@pytest.mark.parametrize(
    "env",
    [
        # Debug pages show the settings: never outside development.
        {**PRODUCTION, "DJANGO_DEBUG_PAGES": "True"},
        {"DJANGO_DEBUG": "True", "DJANGO_DEBUG_PAGES": "on"},
    ],
)
def test_debug_pages_are_refused_outside_development_or_when_malformed(env):
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_DEBUG_PAGES" in result.stderr

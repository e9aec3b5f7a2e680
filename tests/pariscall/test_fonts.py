"""The site's typeface is served by the site itself, as woff2, and its CSP lets pages use it."""

import re
from urllib.parse import urljoin

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]*/fonts\.[^"]*css)">')
# Quoted once collectstatic has written the hashed names in.
FONT_URL = re.compile(r"""url\(["']?([^)"']+\.woff2)["']?\) format\('woff2'\)""")
PRELOAD = re.compile(r'<link rel="preload"\s+href="([^"]+\.woff2)"\s+as="font"\s+type="font/woff2"')


def test_every_font_of_the_stylesheet_is_a_woff2_the_site_serves(client):
    page = client.get("/")
    (stylesheet_url,) = STYLESHEET.findall(page.text)
    stylesheet = client.get(stylesheet_url)
    assert stylesheet.status_code == 200
    css = b"".join(stylesheet.streaming_content).decode()
    fonts = FONT_URL.findall(css)
    # Latin and latin-ext, in three weights; each swaps in when loaded, never hides text.
    assert len(fonts) == 6
    assert css.count("font-display: swap") == 6
    for font in fonts:
        response = client.get(urljoin(stylesheet_url, font))
        assert response.status_code == 200, font
        assert response["Content-Type"] == "font/woff2", font
        assert b"".join(response.streaming_content)[:4] == b"wOF2", font


def test_the_preloaded_font_is_one_the_stylesheet_uses(client):
    page = client.get("/fr/")
    (preload,) = PRELOAD.findall(page.text)
    response = client.get(preload)
    assert response.status_code == 200
    assert response["Content-Type"] == "font/woff2"
    assert preload.rsplit("/", 1)[1].startswith("source-sans-3-latin-400-normal.")


def test_the_content_security_policy_allows_the_site_s_own_fonts_and_no_other(client):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["font-src"] == "'self'"


def test_the_font_s_licence_is_served_beside_it():
    licence = finders.find("fonts/LICENSE-source-sans-3.txt")
    assert licence is not None
    with open(licence, encoding="utf-8") as text:
        assert "SIL Open Font License, Version 1.1" in text.read()

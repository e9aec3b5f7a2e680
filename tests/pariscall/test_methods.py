"""The public site answers GET and HEAD only; the admin still takes its forms."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import SignatoryFactory

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/",
    "/signatories/",
    "/signatories/acme/",
    "/signatories.csv",
    "/signatories.json",
    "/principles/",
    "/robots.txt",
    "/sitemap.xml",
    "/no-such-page/",
]


@pytest.fixture
def browser():
    """A client that checks CSRF tokens, as a real browser session is checked."""
    SignatoryFactory(name="Acme", slug="acme")
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("path", PUBLIC)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "trace", "options"])
def test_a_public_page_refuses_any_method_but_get_and_head_with_a_405(browser, path, method):
    response = getattr(browser, method)(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert b"can only be read" in response.content
    assert b"Acme" not in response.content


@pytest.mark.parametrize("path", ["/", "/signatories/", "/signatories/acme/", "/principles/"])
def test_a_public_page_answers_head_without_a_body(browser, path):
    response = browser.head(path)
    assert response.status_code == 200
    assert response.content == b""


def test_the_admin_still_takes_a_log_in_form(browser):
    page = browser.get(reverse("admin:login"))
    token = page.cookies["csrftoken"].value
    response = browser.post(
        reverse("admin:login"),
        {"username": "nobody", "password": "wrong", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 200
    assert b"Please enter the correct username and password" in response.content

"""The admin's log-in rate limit sees the real client behind the declared proxies."""

import pytest

from pariscall.proxies import client_address

LOGIN = "/admin/login/"
PROXY = "10.0.0.1"
STAFF = "203.0.113.5"
ATTACKER = "198.51.100.7"
PASSWORD = "a-long-and-correct-password"


def _request(rf, forwarded: str | None):
    meta = {"REMOTE_ADDR": PROXY}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **meta)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        (0, f"{STAFF}, {ATTACKER}", PROXY),  # no proxy declared: the header means nothing
        (1, ATTACKER, ATTACKER),
        (1, f"{STAFF}, {ATTACKER}", ATTACKER),  # the attacker wrote the first entry
        (2, f"{STAFF}, {ATTACKER}, 10.0.0.2", ATTACKER),
        (1, None, PROXY),  # not through the proxy
        (2, ATTACKER, PROXY),
        (1, "not-an-address", PROXY),
    ],
)
def test_the_client_address_is_the_one_the_first_trusted_proxy_saw(
    rf, settings, proxies, forwarded, client
):
    settings.PROXY_COUNT = proxies
    assert client_address(_request(rf, forwarded)) == client


def _log_in(client, address: str, password: str, forged: str = ""):
    return client.post(
        LOGIN,
        {"username": "admin", "password": password, "next": "/admin/"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{forged}{address}",
    )


def test_failed_log_ins_behind_the_proxy_lock_out_only_the_one_who_failed(
    client, settings, django_user_model
):
    settings.PROXY_COUNT = 1
    django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    for _attempt in range(6):
        # Claiming the staff member's address in the header changes nothing.
        _log_in(client, ATTACKER, "guess", forged=f"{STAFF}, ")
    assert _log_in(client, ATTACKER, PASSWORD).status_code in (403, 429)
    response = _log_in(client, STAFF, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"

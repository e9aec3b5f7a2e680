"""Who is asking: the client's address behind the reverse proxies the operator declared.

Each proxy appends the address it received the request from to ``X-Forwarded-For``. With
``DJANGO_PROXY_COUNT`` = N trusted proxies in front of the app, the last N entries were
written by them, and the N-th from the end is the client's; anything further left came
from the client itself and may be forged. With no proxy, the connection's own address.
The admin's log-in rate limit keys on this address (``AXES_CLIENT_IP_CALLABLE``).
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    direct = request.META.get("REMOTE_ADDR", "")
    count = settings.PROXY_COUNT
    if count == 0:
        return direct
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [address.strip() for address in header.split(",") if address.strip()]
    if len(forwarded) < count:
        # Fewer entries than proxies: the request did not come through them all.
        return direct
    address = forwarded[-count]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return direct

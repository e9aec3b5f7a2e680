"""Cleaning the links a row gives: website, Twitter handle, LinkedIn page.

Each is optional: a value that isn't what its column should hold is left out with a warning
naming the column, and the rest of the row is imported.
"""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from signatories.importing.rows import trimmed
from signatories.models import http_url_validator

TWITTER_HANDLE = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9_]{1,15}$")
TWITTER_HOSTS = {"twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com"}
TWITTER_RESERVED = {"home", "i", "intent", "search", "share", "hashtag", "explore", "settings"}
LINKEDIN_PAGES = {"company", "school", "in", "showcase"}


def read_links(cells: dict[str, str], values: dict, warnings: list) -> None:
    """Put the row's valid links in `values`; warn about the others."""
    website = trimmed(cells.get("website", ""))
    if website:
        if is_http_url(website):
            values["website"] = website
        else:
            message = _("%(value)s is not an http(s) URL") % {"value": repr(website)}
            warnings.append(("website", message))
    twitter = trimmed(cells.get("twitter", ""))
    if twitter:
        handle = twitter_handle(twitter)
        if handle:
            values["twitter"] = handle
        else:
            message = _("%(value)s is not a Twitter handle") % {"value": repr(twitter)}
            warnings.append(("twitter", message))
    linkedin = trimmed(cells.get("linkedin", ""))
    if linkedin:
        if is_linkedin_page(linkedin):
            values["linkedin"] = linkedin
        else:
            message = _("%(value)s is not a LinkedIn company, school, showcase or profile page") % {
                "value": repr(linkedin)
            }
            warnings.append(("linkedin", message))


def is_http_url(value: str) -> bool:
    if len(value) > 500 or any(char.isspace() for char in value):
        return False
    try:
        http_url_validator(value)
    except ValidationError:
        return False
    return True


def twitter_handle(value: str) -> str:
    """The handle in `@name`, `name` or a twitter.com / x.com address; "" if none."""
    if "/" in value:
        url = value if "://" in value else f"https://{value}"
        parts = urlsplit(url)
        segments = [segment for segment in parts.path.split("/") if segment]
        if (parts.hostname or "") not in TWITTER_HOSTS or len(segments) != 1:
            return ""
        value = segments[0]
        if value.lower() in TWITTER_RESERVED:
            return ""
    value = value.removeprefix("@")
    return value if TWITTER_HANDLE.match(value) else ""


def is_linkedin_page(value: str) -> bool:
    """An http(s) linkedin.com address of a company, school, showcase page or profile."""
    if not is_http_url(value):
        return False
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    if host != "linkedin.com" and not host.endswith(".linkedin.com"):
        return False
    segments = [segment for segment in parts.path.split("/") if segment]
    return len(segments) >= 2 and segments[0].lower() in LINKEDIN_PAGES

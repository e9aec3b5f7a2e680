"""What the published data says about itself: its licence, where it comes from, its date.

Shared by the data package, the home page's linked data and the about page, so that they
name the same licence, the same origin and the same "last changed" date.
"""

import datetime

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from signatories.cache import cached
from signatories.models import Signatory

TITLE = _("Supporters of the Paris Call for Trust and Security in Cyberspace")
LICENCE = {
    "name": "EUPL-1.2",
    "title": "European Union Public Licence 1.2",
    "path": "https://joinup.ec.europa.eu/page/eupl-text-11-12",
}
OFFICIAL_LIST = {
    "title": _("Paris Call supporters list"),
    "path": "https://pariscall.international/en/supporters",
}


def last_changed() -> datetime.datetime | None:
    """When a supporter was last added, changed or removed; None for an empty directory.

    Cached with the list's counts, so it goes stale with the same write.
    """
    return cached("last-changed", None, _last_changed)


def _last_changed() -> datetime.datetime | None:
    updated = Signatory.objects.aggregate(last=Max("updated"))["last"]
    # The history also knows deletions, which leave nothing in the table itself.
    recorded = Signatory.history.aggregate(last=Max("history_date"))["last"]
    return max((moment for moment in (updated, recorded) if moment), default=None)

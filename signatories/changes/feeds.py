"""/changes.atom: the changes page's entries as an Atom feed (RFC 4287), in the page's order.

Each entry is dated (`updated`, `published`) by the change itself: the day an event of the
official list happened or a supporter joined, the moment the directory recorded its own.

The feed takes the page's filters (`type`, `kind`, `since`). Its id is the address of the
changes page it mirrors, and each entry's id is that page's address with the entry's anchor
(a supporter joins once; every other change is one history record), so an entry keeps its
id whatever feed or page shows it.
"""

import re
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from signatories.cache import cached
from signatories.changes.entries import Change, described
from signatories.changes.events import NEWEST_FIRST, ChangeFilters, change_rows
from signatories.changes.forms import ChangeFilterForm

# Enough for a reader polling daily; older changes are on the paginated page.
FEED_ENTRIES = 50


@dataclass
class FeedScope:
    filters: ChangeFilters
    link: str  # the changes page with the same filters (relative)
    page: str  # the changes page, absolute: the entries' ids start with it


@dataclass
class Entry:
    change: Change
    id: str


# What XML 1.0 can't hold. Text is checked when it is saved (validate_plain_text), but a
# record saved before that check may still hold one: it is replaced, never a 500.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value):
    """The value with every character XML can't hold replaced by U+FFFD."""
    return NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


class XmlSafeAtomFeed(Atom1Feed):
    """An Atom feed that writes any text it is given as valid XML."""

    def add_item(self, *args, **kwargs):
        args = [xml_text(value) for value in args]
        kwargs = {name: xml_text(value) for name, value in kwargs.items()}
        if kwargs.get("categories"):
            kwargs["categories"] = [xml_text(category) for category in kwargs["categories"]]
        super().add_item(*args, **kwargs)


class ChangesFeed(Feed):
    feed_type = XmlSafeAtomFeed
    title = _("Paris Call: who joined, who left, what was corrected")
    subtitle = _(
        "Changes to the membership of the Paris Call for Trust and Security in Cyberspace, "
        "as the directory records them."
    )
    author_name = _("Paris Call directory")
    description_template = "signatories/includes/change_feed_entry.html"

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = ChangeFilterForm(request.GET)
        if not form.is_valid():
            errors = "\n".join(
                f"{form[name].label}: {error}"
                for name, messages in form.errors.items()
                for error in messages
            )
            return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
        # Feed.__call__ hands its keyword arguments to get_object: the form is read once.
        return super().__call__(request, *args, form=form, **kwargs)

    def get_object(self, request: HttpRequest, form: ChangeFilterForm) -> FeedScope:
        page = reverse("signatories:changes")
        query = urlencode(
            {name: form.data.getlist(name) for name in form.fields if name in form.data},
            doseq=True,
        )
        return FeedScope(
            filters=form.filters(),
            link=f"{page}?{query}" if query else page,
            page=request.build_absolute_uri(page),
        )

    def link(self, scope: FeedScope) -> str:
        return scope.link

    def feed_url(self, scope: FeedScope) -> str:
        return reverse("signatories:changes-feed")

    def items(self, scope: FeedScope) -> list[Entry]:
        # Readers poll the same few addresses: the rows are read once per write.
        rows = cached(
            "changes-feed",
            scope.filters,
            lambda: change_rows(scope.filters, NEWEST_FIRST, 0, FEED_ENTRIES),
        )
        return [Entry(change, f"{scope.page}#{change.anchor}") for change in described(rows)]

    def item_title(self, entry: Entry) -> str:
        return entry.change.title

    def item_link(self, entry: Entry) -> str:
        return entry.change.signatory.get_absolute_url()

    def item_guid(self, entry: Entry) -> str:
        return entry.id

    def item_updateddate(self, entry: Entry):
        return entry.change.published

    def item_pubdate(self, entry: Entry):
        return entry.change.published

    def item_categories(self, entry: Entry) -> list[str]:
        return [gettext(entry.change.kind_label)]

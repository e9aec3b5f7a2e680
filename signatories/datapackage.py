"""/datapackage.json: a Frictionless Tabular Data Package describing the CSV export.

The fields are the export's own columns, in the export's order (`export.CSV_COLUMNS`); each
column's type and constraints are described once, here, so that a column added to the
export without a description here fails loudly (KeyError) instead of publishing a schema
that no longer matches the file. Enumerations are read from the models' choices.

Spec: https://specs.frictionlessdata.io/tabular-data-package/
"""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from signatories.export import CSV_COLUMNS
from signatories.models import SignatoryStatus, SignatoryType, Source
from signatories.published import LICENCE, OFFICIAL_LIST, TITLE, last_changed
from signatories.regions import Region

# ISO 8601 at the precision the sources give: 2021-11-11, 2019-01 or 2019.
PARTIAL_DATE = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
_TEXT_NOTE = _(
    "A cell that starts with one of = + - @, a tab or a carriage return, or with an "
    "apostrophe followed by one of them, is written with one more apostrophe in front, so "
    "that spreadsheets never run it as a formula; drop that apostrophe to read the value."
)


def _text(title, description, *, free=False, **constraints) -> dict:
    """A string field; `free` text may start like a formula (see `_TEXT_NOTE`)."""
    field = {"type": "string", "title": title, "description": description}
    if free:
        field["description"] = format_lazy("{} {}", description, _TEXT_NOTE)
    if constraints:
        field["constraints"] = constraints
    return field


def _choice(title, description, choices) -> dict:
    return _text(title, description, required=True, enum=list(choices.values))


FIELDS = {
    "name": _text(_("Name"), _("The supporter's name."), free=True, required=True),
    "slug": _text(
        _("Identifier"),
        _("Unique and stable; the supporter's page is /signatories/<slug>/."),
        required=True,
        unique=True,
        pattern="[-a-zA-Z0-9_]+",
    ),
    "type": _choice(_("Type"), _("The official list's category."), SignatoryType),
    "country": _text(
        _("Country"),
        _("ISO 3166-1 alpha-2 code; empty for an international body or when no source says."),
        pattern="[A-Z]{2}",
    ),
    "region": _choice(
        _("Region"),
        _(
            "UN M49 region of the country; international for bodies with no home country, "
            "unknown when no source gives a country or a region."
        ),
        Region,
    ),
    "kind": _text(_("Kind of organisation"), _("Company, association, university, …"), free=True),
    "website": {**_text(_("Website"), _("An http or https address.")), "format": "uri"},
    "twitter": _text(_("Twitter handle"), _("Without the @."), free=True),
    "linkedin": {**_text(_("LinkedIn"), _("A LinkedIn page's address.")), "format": "uri"},
    "statement": _text(_("Statement"), _("In the supporter's own words."), free=True),
    "since": _text(
        _("Supporter since"),
        _(
            "ISO 8601 at the precision the sources give: a day (2021-11-11), a month "
            "(2019-01) or a year (2019); empty when unknown. See since_by."
        ),
        pattern=PARTIAL_DATE,
    ),
    "since_by": {
        "type": "boolean",
        "title": _("Only “by” that date"),
        "description": _(
            "true when the sources only say it supported the Call by that date, not when it joined."
        ),
        "trueValues": ["true"],
        "falseValues": ["false"],
        "constraints": {"required": True},
    },
    "status": _choice(
        _("Status"),
        _("current, or former when it is no longer on the official list."),
        SignatoryStatus,
    ),
    "left": {
        "type": "date",
        "format": "default",
        "title": _("Left on"),
        "description": _("For a former supporter, the date of the first official list without it."),
    },
}


def table_schema() -> dict:
    """The CSV export's columns, in its order, with their types and constraints."""
    fields = [{"name": column, **FIELDS[column]} for column in CSV_COLUMNS]
    return {"fields": fields, "primaryKey": ["slug"], "missingValues": [""]}


def descriptor(request: HttpRequest) -> dict:
    """The whole package: the CSV as its one resource, the licence, sources and date."""
    absolute = request.build_absolute_uri
    changed = last_changed()
    package = {
        "profile": "tabular-data-package",
        "name": "paris-call-supporters",
        "title": TITLE,
        "description": _(
            "The current supporters of the Paris Call, as /signatories.csv gives them "
            "(add ?status=all for former supporters too). “created” is when the data last "
            "changed: cite it with the file to name a dated snapshot."
        ),
        "homepage": absolute(reverse("home")),
        "licenses": [LICENCE],
        "sources": [OFFICIAL_LIST, *_article_sources()],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "supporters",
                "path": absolute(reverse("signatories:csv")),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "schema": table_schema(),
            }
        ],
    }
    if changed:
        package["created"] = changed.isoformat(timespec="seconds")
    return package


def _article_sources() -> list[dict]:
    """The articles the seed data cites (imported files are staff's copies of the list)."""
    sources = []
    for article in Source.objects.articles().order_by("date", "title"):
        source = {"title": ", ".join(part for part in (article.title, article.publisher) if part)}
        if article.url:
            source["path"] = article.url
        sources.append(source)
    return sources

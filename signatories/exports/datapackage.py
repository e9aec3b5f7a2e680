"""/datapackage.json: a Frictionless Tabular Data Package describing the CSV export.

The table schema is the export's own: `columns.table_schema()`, generated from the column
map that writes the CSV, so the two can't drift. This module adds what a package says about
the file as a whole: where it is, how it is written, its licence, sources and date.

Spec: https://specs.frictionlessdata.io/tabular-data-package/
"""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from signatories import columns
from signatories.exports.published import LICENCE, OFFICIAL_LIST, TITLE, last_changed
from signatories.models import Signatory, Source

# How csv.writer writes the export (its defaults), in CSV Dialect terms.
DIALECT = {
    "delimiter": ",",
    "lineTerminator": "\r\n",
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
}


def descriptor(request: HttpRequest) -> dict:
    """The whole package: the CSV as its one resource, the licence, sources and date."""
    absolute = request.build_absolute_uri
    changed = last_changed()
    package = {
        "profile": "tabular-data-package",
        "name": "paris-call-supporters",
        "title": TITLE,
        "description": _(
            "The supporters of the Paris Call for Trust and Security in Cyberspace. “created” "
            "is when the data last changed: cite it with the file to name a dated snapshot."
        ),
        "homepage": absolute(reverse("home")),
        "licenses": [LICENCE],
        "sources": [OFFICIAL_LIST, *_article_sources()],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "supporters",
                "path": absolute(reverse("signatories:csv")),
                "description": _(
                    "Current supporters; add ?status=former or ?status=all to the address for "
                    "the others, or any of the list's filters. A text cell that starts with "
                    "one of = + - @, a tab or a carriage return (or with an apostrophe and "
                    "one of them) is written with one more apostrophe in front, so that "
                    "spreadsheets never run it as a formula: drop it to read the value."
                ),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": DIALECT,
                "schema": _with_kinds_in_use(columns.table_schema()),
            }
        ],
    }
    if changed:
        package["created"] = changed.isoformat(timespec="seconds")
    return package


def _with_kinds_in_use(schema: dict) -> dict:
    """The schema with the kinds of organisation as an enum: those supporters have, as the
    CSV writes them. Staff may type a kind outside the vocabulary, so the vocabulary itself
    would not describe every file; the list's `kind` filter takes their slugs."""
    kinds = sorted({columns.csv_cell(kind) for kind in Signatory.objects.kinds_in_use()})
    for described in schema["fields"]:
        if described["name"] == "kind" and kinds:
            described.setdefault("constraints", {})["enum"] = kinds
    return schema


def _article_sources() -> list[dict]:
    """The articles the seed data cites (imported files are staff's copies of the list)."""
    sources = []
    for article in Source.objects.articles().order_by("date", "title"):
        source = {"title": ", ".join(part for part in (article.title, article.publisher) if part)}
        if article.url:
            source["path"] = article.url
        sources.append(source)
    return sources

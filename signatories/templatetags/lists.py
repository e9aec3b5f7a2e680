"""`{% facet_options facet %}` and `{% supporter_rows page %}`: the list's long loops.

A list page not seen before renders some 250 country checkboxes and 50 rows. Written by
Django template loops, and even by `format_html` (whose escaping checks every argument
for lazy strings), they were most of that page's time. Here every value is escaped by the
standard library's `html.escape` (what Django's `escape` calls) and put in place with
`str.format`: a few milliseconds. The markup stays as plain as a template's: one line for
an option, one for a row.
"""

from html import escape

from django import template
from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from signatories.dates import compact
from signatories.directory.facets import country_names
from signatories.regions import Region
from signatories.vocabulary import SignatoryType

register = template.Library()

OPTION = (
    '<li><input type="checkbox" name="{0}" value="{1}" id="{0}-{1}"{2}>'
    '<label for="{0}-{1}">{3}{4}</label></li>'
)
COUNT = ' <span class="count">({0})</span>'
ROW = (
    '<tr><th scope="row"><a href="{0}">{1}</a></th>'
    '<td data-label="{2}">{3}</td><td data-label="{4}">{5}</td>'
    '<td data-label="{6}">{7}</td><td data-label="{8}" class="since">{9}</td></tr>'
)
# What an empty cell shows.
NONE = "–"
# The date: compact for the eye (a marker for "by"), the full wording for a screen reader
# and in the tooltip.
SINCE = (
    '<time datetime="{0}" title="{1}"><span aria-hidden="true">{2}{3}</span>'
    '<span class="visually-hidden">{1}</span></time>'
)
BY_MARKER = '<span class="since-by">≤</span>\u00a0'


def grouped(number: int, separator: str | None = None) -> str:
    """The number with the language's thousands separator, as `intcomma` writes it."""
    if separator is None:
        separator = get_format("THOUSAND_SEPARATOR")
    return f"{number:,}".replace(",", separator)


def _html(lines) -> SafeString:
    # Safe: every value in `lines` was escaped where it was put in place.
    return mark_safe("\n".join(lines))  # noqa: S308


@register.simple_tag
def facet_options(facet) -> SafeString:
    """A facet's options as checkboxes, each with its count when there is one."""
    name = escape(facet.name)
    separator = get_format("THOUSAND_SEPARATOR")
    return _html(
        OPTION.format(
            name,
            escape(option.value),
            " checked" if option.checked else "",
            escape(str(option.label)),
            "" if option.count is None else COUNT.format(grouped(option.count, separator)),
        )
        for option in facet.options
    )


@register.simple_tag
def supporter_rows(signatories, list_query: str) -> SafeString:
    """The list's rows: each supporter's name (a link to its page that keeps the list's
    query), type, country, region and date; the headings label the cells on small screens."""
    headings = [escape(_("Type")), escape(_("Country")), escape(_("Region"))]
    headings.append(escape(_("Supporter since")))
    # Labels translated once for the page, not once per row.
    types = {value: str(label) for value, label in SignatoryType.choices}
    regions = {value: str(label) for value, label in Region.choices}
    names = country_names(get_language())
    return _html(
        ROW.format(
            escape(signatory.get_absolute_url() + list_query),
            escape(signatory.name),
            headings[0],
            escape(types.get(signatory.type, signatory.type)),
            headings[1],
            escape(names.get(signatory.country.code, NONE) if signatory.country else NONE),
            headings[2],
            escape(regions.get(signatory.region, signatory.region)),
            headings[3],
            _since(signatory),
        )
        for signatory in signatories
    )


def _since(signatory) -> str:
    if signatory.supporter_since is None:
        return NONE
    return SINCE.format(
        escape(signatory.since_iso),
        escape(signatory.since_display),
        BY_MARKER if signatory.supporter_since_is_bound else "",
        escape(compact(signatory.supporter_since, signatory.supporter_since_precision)),
    )

"""The world map of supporters, drawn on the server as inline SVG (no script, no tiles).

Supporting states are filled; other countries are shaded by how many other supporters they
have, in a few classes that the legend names with their numbers; countries with none stay
plain. Each country is a link to its page whose accessible name says what the colour says,
and the table beside the map says it again, so colour is never the only cue. The outlines
come from `signatories/data/outlines.py` (generated from Natural Earth); countries too small to
see get a marker when they have supporters or are the one the page is about.

Drawing some 250 linked shapes costs more than the rest of a page, so the rendered SVG is
cached beside the counts it shows, under the same directory revision: one write makes both
stale at once.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories.cache import cached
from signatories.countries.counts import country_counts
from signatories.countries.forms import CountryFilters
from signatories.countries.rows import CountryRow, country_url, rows_from
from signatories.data.outlines import MARKERS, SHAPES, UNCODED_LAND, VIEWBOX

# Shading for countries whose state is not a supporter: (lowest count, CSS class, legend).
SHADES = [
    (100, "shade-4", _("100 or more supporters")),
    (20, "shade-3", _("20 to 99 supporters")),
    (5, "shade-2", _("5 to 19 supporters")),
    (1, "shade-1", _("1 to 4 supporters")),
]
STATE_CLASS, FORMER_STATE_CLASS, NONE_CLASS = "state", "former-state", "shade-0"


@dataclass(frozen=True)
class MapCountry:
    code: str
    path: str
    marker: tuple[float, float] | None
    css: str
    label: str
    url: str
    # Countries without supporters stay out of the tab order: the table lists the others.
    focusable: bool
    highlighted: bool


@dataclass(frozen=True)
class LegendEntry:
    css: str
    label: str
    countries: int


@dataclass(frozen=True)
class WorldMap:
    viewbox: str
    countries: list[MapCountry]
    uncoded_land: str
    legend: list[LegendEntry]
    highlighted: str


def css_class(row: CountryRow | None) -> str:
    if row is not None and row.state is not None:
        return STATE_CLASS if row.state.is_current else FORMER_STATE_CLASS
    if row is None or row.others == 0:
        return NONE_CLASS
    return next(css for lowest, css, _label in SHADES if row.others >= lowest)


def accessible_name(name: str, row: CountryRow | None) -> str:
    """What the shape means, in words: "France: state supporter, 123 supporters"."""
    total = row.total if row else 0
    values = {"country": name, "count": total}
    if row is None or (not total and row.state is None):
        return gettext("%(country)s: no supporters") % values
    if row.state is not None and row.state.is_current:
        return (
            ngettext(
                "%(country)s: state supporter, %(count)s supporter",
                "%(country)s: state supporter, %(count)s supporters",
                total,
            )
            % values
        )
    if row.state is not None:
        return (
            ngettext(
                "%(country)s: former state supporter, %(count)s supporter",
                "%(country)s: former state supporter, %(count)s supporters",
                total,
            )
            % values
        )
    return (
        ngettext("%(country)s: %(count)s supporter", "%(country)s: %(count)s supporters", total)
        % values
    )


def world_map(rows: dict[str, CountryRow], highlighted: str = "") -> WorldMap:
    """The map for these counts; `highlighted` is the code of the page's own country."""
    drawn = []
    for code in sorted(set(SHAPES) | set(MARKERS)):
        row = rows.get(code)
        has_supporters = row is not None and (row.total > 0 or row.state is not None)
        show_marker = code in MARKERS and (has_supporters or code == highlighted)
        if code not in SHAPES and not show_marker:
            continue
        drawn.append(
            MapCountry(
                code=code,
                path=SHAPES.get(code, ""),
                marker=MARKERS[code] if show_marker else None,
                css=css_class(row),
                label=accessible_name(str(countries.name(code) or code), row),
                url=country_url(code),
                focusable=has_supporters or code == highlighted,
                highlighted=code == highlighted,
            )
        )
    # The highlighted country last, so that its outline is drawn above its neighbours'.
    drawn.sort(key=lambda country: country.highlighted)
    return WorldMap(VIEWBOX, drawn, UNCODED_LAND, legend(drawn), highlighted)


def legend(drawn: list[MapCountry]) -> list[LegendEntry]:
    """Each class with what it means and how many countries are in it."""
    in_class: dict[str, int] = {}
    for country in drawn:
        in_class[country.css] = in_class.get(country.css, 0) + 1
    entries = [
        (STATE_CLASS, _("State supports the Call")),
        (FORMER_STATE_CLASS, _("State is a former supporter")),
        *((css, label) for _lowest, css, label in reversed(SHADES)),
    ]
    shown = [
        LegendEntry(css, str(label), in_class.get(css, 0))
        for css, label in entries
        if css != FORMER_STATE_CLASS or in_class.get(css)
    ]
    return [*shown, LegendEntry(NONE_CLASS, str(_("No supporters")), in_class.get(NONE_CLASS, 0))]


def map_html(filters: CountryFilters | None = None, highlighted: str = "") -> SafeString:
    """The rendered map for these counts (every current supporter by default), from the cache."""
    filters = filters or CountryFilters()

    def render() -> SafeString:
        rows = rows_from(country_counts(*filters))
        context = {"map": world_map(rows, highlighted)}
        return render_to_string("signatories/includes/world_map.html", context)

    return cached("world-map", (tuple(filters), highlighted, get_language()), render)

"""The world map of supporters, drawn on the server as inline SVG (no script, no tiles).

Every country is shaded by how many supporters it has (its state included), in a few classes
that the legend names with the number of countries drawn in each; countries with none stay
plain. A supporting state is hatched over that shade (a former one hatched the other way, in
another colour), so the two facts never hide each other and the legend counts each once: its
numbers are those of the shapes drawn. Each country is a link to its page whose accessible
name says what the colour says, and the table beside the map says it again, so colour is
never the only cue. The outlines come from `signatories/data/outlines.py` (generated from
Natural Earth); countries too small to see get a marker when they have supporters or are
the one the page is about.

Drawing some 250 linked shapes costs more than the rest of a page, so the rendered SVG is
cached beside the counts it shows, under the same directory revision: one write makes both
stale at once.
"""

from collections import Counter
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

# Shading by the number of supporters in the country: (lowest count, CSS class, legend).
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
    # The count class (shade-0 … shade-4), and the state's hatching ("state", "former-state"
    # or "").
    shade: str
    state: str
    label: str
    url: str
    # Countries without supporters stay out of the tab order: the table lists the others.
    focusable: bool
    highlighted: bool

    @property
    def css(self) -> str:
        return f"{self.shade} {self.state}".strip()


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
    # What the shades say (how many supporters), then what the hatching says (the state).
    legend: list[LegendEntry]
    state_legend: list[LegendEntry]
    highlighted: str

    @property
    def hatchings(self) -> list[tuple[str, str]]:
        """Every (state class, shade class) pair a hatched shape may need: one SVG pattern each."""
        shades = [NONE_CLASS, *(css for _lowest, css, _label in reversed(SHADES))]
        return [(state, shade) for state in (STATE_CLASS, FORMER_STATE_CLASS) for shade in shades]


def shade_class(row: CountryRow | None) -> str:
    """The count class of all the country's supporters, its state included."""
    if row is None or row.total == 0:
        return NONE_CLASS
    return next(css for lowest, css, _label in SHADES if row.total >= lowest)


def state_class(row: CountryRow | None) -> str:
    if row is None or row.state is None:
        return ""
    return STATE_CLASS if row.state.is_current else FORMER_STATE_CLASS


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
                shade=shade_class(row),
                state=state_class(row),
                label=accessible_name(str(countries.name(code) or code), row),
                url=country_url(code),
                focusable=has_supporters or code == highlighted,
                highlighted=code == highlighted,
            )
        )
    # The highlighted country last, so that its outline is drawn above its neighbours'.
    drawn.sort(key=lambda country: country.highlighted)
    return WorldMap(VIEWBOX, drawn, UNCODED_LAND, legend(drawn), state_legend(drawn), highlighted)


def legend(drawn: list[MapCountry]) -> list[LegendEntry]:
    """Each count class with what it means and how many of the drawn countries are in it."""
    in_class = Counter(country.shade for country in drawn)
    return [
        *(LegendEntry(css, str(label), in_class[css]) for _lowest, css, label in reversed(SHADES)),
        LegendEntry(NONE_CLASS, str(_("No supporters")), in_class[NONE_CLASS]),
    ]


def state_legend(drawn: list[MapCountry]) -> list[LegendEntry]:
    """The hatchings: states that support the Call, and former ones when any is drawn."""
    hatched = Counter(country.state for country in drawn)
    entries = [LegendEntry(STATE_CLASS, str(_("State supports the Call")), hatched[STATE_CLASS])]
    if hatched[FORMER_STATE_CLASS]:
        label = str(_("State is a former supporter"))
        entries.append(LegendEntry(FORMER_STATE_CLASS, label, hatched[FORMER_STATE_CLASS]))
    return entries


def map_html(filters: CountryFilters | None = None, highlighted: str = "") -> SafeString:
    """The rendered map for these counts (every current supporter by default), from the cache."""
    filters = filters or CountryFilters()

    def render() -> SafeString:
        rows = rows_from(country_counts(*filters))
        context = {"map": world_map(rows, highlighted)}
        return render_to_string("signatories/includes/world_map.html", context)

    return cached("world-map", (tuple(filters), highlighted, get_language()), render)

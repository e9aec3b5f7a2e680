"""The Call's growth as small line charts, drawn on the server as inline SVG.

One panel per type of supporter, each on its own scale (states number in the tens,
companies in the hundreds). The line is drawn from the directory's records: how many
supporters of the type it records on each day, from their supporter-since dates (a "by"
date from itself) and their departures, as `as_of` counts them; beside it, the totals the
sources reported (the milestones) are dots. The geometry is computed here so the template
only places it.
"""

import datetime
import math
from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from signatories.models import Milestone, Signatory, SignatoryType

WIDTH, HEIGHT = 320, 170
LEFT, RIGHT, TOP, BOTTOM = 40, 12, 12, 26


# The panels' titles: how many of each type supported the Call.
PLURALS = {
    SignatoryType.STATE: gettext_lazy("States"),
    SignatoryType.PUBLIC_AUTHORITY: gettext_lazy("Public authorities"),
    SignatoryType.PRIVATE_SECTOR: gettext_lazy("Companies and the private sector"),
    SignatoryType.CIVIL_SOCIETY: gettext_lazy("NGOs and civil society"),
}


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    count: int
    is_lower_bound: bool
    label: str


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Panel:
    type: str
    title: str
    description: str
    points: list[Point]
    polyline: str  # through the milestones, when there is no recorded line
    recorded: str  # the directory's own counts over time, a step line
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    # The frame, for the template to draw the axes.
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_bottom: int = HEIGHT - BOTTOM
    tick_end: int = HEIGHT - BOTTOM + 5
    label_x: int = LEFT - 6
    label_y: int = HEIGHT - 8


def nice_ceiling(value: int) -> int:
    """The next 1, 2 or 5 × 10ⁿ at or above `value`: a round top for the scale."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= value)


def recorded_growth() -> dict[str, list[tuple[datetime.date, int]]]:
    """{type: [(day, supporters recorded that day), …]} at every day the count changes,
    from two grouped queries (joinings by day, departures by day)."""
    changes: dict[str, dict[datetime.date, int]] = {}
    dated = Signatory.objects.filter(supporter_since__isnull=False)
    for type_, day, count in dated.count_by_type_and_day("supporter_since"):
        by_day = changes.setdefault(type_, {})
        by_day[day] = by_day.get(day, 0) + count
    for type_, day, count in dated.count_by_type_and_day("left_on"):
        by_day = changes.setdefault(type_, {})
        by_day[day] = by_day.get(day, 0) - count
    series = {}
    for type_, by_day in changes.items():
        total, points = 0, []
        for day in sorted(by_day):
            total += by_day[day]
            points.append((day, total))
        series[type_] = points
    return series


def growth_panels(milestones: list[Milestone], recorded: dict | None = None) -> list[Panel]:
    """One panel per type that the milestones count; `milestones` prefetch their counts.
    `recorded` is `recorded_growth()`: each panel's line."""
    recorded = recorded or {}
    dated = sorted(milestones, key=lambda milestone: milestone.date)
    if len(dated) < 2:
        return []
    days = [milestone.date for milestone in dated]
    days += [day for series in recorded.values() for day, _count in series]
    start, end = min(days), max(days)
    span = max((end - start).days, 1)

    def x(date: datetime.date) -> float:
        return round(LEFT + (date - start).days / span * (WIDTH - LEFT - RIGHT), 1)

    x_ticks = [
        Tick(x(datetime.date(year, 1, 1)), str(year))
        for year in range(start.year + 1, end.year + 1)
    ]
    panels = []
    for type_ in SignatoryType.values:
        found = [
            (milestone, count)
            for milestone in dated
            for count in milestone.counts.all()
            if count.type == type_
        ]
        if found:
            series = recorded.get(type_, [])
            panels.append(_panel(type_, found, series, x, x_ticks, end))
    return panels


def _panel(type_: str, found: list, series: list, x, x_ticks: list[Tick], end) -> Panel:
    """The panel of one type: its (milestone, count) pairs in date order and its recorded
    series, on the shared x."""
    top = nice_ceiling(
        max([count.count for _milestone, count in found] + [n for _day, n in series])
    )

    def y(value: int) -> float:
        return round(HEIGHT - BOTTOM - value / top * (HEIGHT - TOP - BOTTOM), 1)

    points = [
        Point(
            x(milestone.date),
            y(count.count),
            count.count,
            count.is_lower_bound,
            milestone.date_display,
        )
        for milestone, count in found
    ]
    steps = []
    for index, (day, count) in enumerate(series):
        if index:
            steps.append(f"{x(day)},{y(series[index - 1][1])}")
        steps.append(f"{x(day)},{y(count)}")
    if series:
        steps.append(f"{x(end)},{y(series[-1][1])}")
    description = _description(found[0], found[-1])
    if series:
        description += " " + _recorded_description(series)
    return Panel(
        type=type_,
        title=PLURALS[type_],
        description=description,
        points=points,
        polyline="" if series else " ".join(f"{point.x},{point.y}" for point in points),
        recorded=" ".join(steps),
        y_ticks=[Tick(y(value), intcomma(value)) for value in (0, top // 2, top)],
        x_ticks=x_ticks,
    )


def _description(first: tuple, last: tuple) -> str:
    """What a panel shows, for those who can't see it: the first and last counts."""
    return _(
        "%(first)s%(first_count)s in %(first_date)s; %(last)s%(last_count)s in %(last_date)s."
    ) % {
        "first": _("more than ") if first[1].is_lower_bound else "",
        "first_count": intcomma(first[1].count),
        "first_date": first[0].date_display,
        "last": _("more than ") if last[1].is_lower_bound else "",
        "last_count": intcomma(last[1].count),
        "last_date": last[0].date_display,
    }


def _recorded_description(series: list) -> str:
    """The recorded line, for those who can't see it: where it starts and ends."""
    (first_day, first_count), (last_day, last_count) = series[0], series[-1]
    return _(
        "The directory records %(first_count)s on %(first_date)s and %(last_count)s on "
        "%(last_date)s."
    ) % {
        "first_count": intcomma(first_count),
        "first_date": date_format(first_day, "j F Y"),
        "last_count": intcomma(last_count),
        "last_date": date_format(last_day, "j F Y"),
    }


def growth_table(milestones: list[Milestone]) -> list[tuple[Milestone, list]]:
    """Each milestone with (type label, count or None) for every type, in the types' order."""
    rows = []
    for milestone in milestones:
        by_type = {count.type: count for count in milestone.counts.all()}
        rows.append(
            (milestone, [(label, by_type.get(type_)) for type_, label in SignatoryType.choices])
        )
    return rows

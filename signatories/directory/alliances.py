"""`alliance`: the supporters the official list's first spreadsheet marked as members of the
Cybersecurity Tech Accord or the Charter of Trust (September 2019), and their counts."""

from signatories.cache import cached
from signatories.models import Alliance, SignatoryAlliance
from signatories.vocabulary import KIND_SLUGS

ALLIANCE_CHOICES = Alliance.choices


def in_alliances(queryset, alliances: list[str]):
    """Members of any of these alliances, as the official list marked them."""
    members = SignatoryAlliance.objects.filter(alliance__in=alliances).values("signatory_id")
    return queryset.filter(pk__in=members)


def alliance_cube(queryset, facets: tuple[str, ...]) -> list[tuple]:
    """(alliance, a value of each facet…, n) for the members among `queryset`, summed like
    the facets' cube for any choice of the facets' options.

    The members are few (101 in the official list, none in synthetic data): who belongs to
    which alliance is kept per revision, and only the members' rows among the results are
    read, by id, instead of joining every result to the alliances."""
    members = cached("alliance-members", (), _members)
    if not members:
        return []
    found: dict[tuple, int] = {}
    rows = queryset.filter(pk__in=list(members)).order_by().values_list("pk", *facets)
    for pk, *values in rows:
        # A kind as its slug, as the `kind` parameter names it and the facets' cube counts it.
        slugged = tuple(_slug(facet, value) for facet, value in zip(facets, values, strict=True))
        for alliance in members[pk]:
            found[(alliance, *slugged)] = found.get((alliance, *slugged), 0) + 1
    return [(*key, count) for key, count in found.items()]


def _members() -> dict[int, list[str]]:
    """Each member's alliances, by the member's id."""
    members: dict[int, list[str]] = {}
    rows = SignatoryAlliance.objects.order_by("signatory_id", "alliance")
    for signatory_id, alliance in rows.values_list("signatory_id", "alliance"):
        members.setdefault(signatory_id, []).append(alliance)
    return members


def _slug(facet: str, value: str) -> str:
    return KIND_SLUGS.get(value, "") if facet == "kind" else value


def alliance_counts(cube: list[tuple], chosen: dict[str, set[str]]) -> dict[str, int]:
    """How many supporters each alliance option would give, the facets' choices kept
    (`chosen` names the facets in the cube's order)."""
    facets = list(chosen)
    counts: dict[str, int] = {}
    for alliance, *values, count in cube:
        if all(
            not chosen[facet] or value in chosen[facet]
            for facet, value in zip(facets, values, strict=True)
        ):
            counts[alliance] = counts.get(alliance, 0) + count
    return counts

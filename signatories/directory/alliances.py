"""`alliance`: the supporters the official list's first spreadsheet marked as members of the
Cybersecurity Tech Accord or the Charter of Trust (September 2019), and their counts."""

from django.db.models import Count

from signatories.models import Alliance, SignatoryAlliance
from signatories.vocabulary import KIND_SLUGS

ALLIANCE_CHOICES = Alliance.choices


def in_alliances(queryset, alliances: list[str]):
    """Members of any of these alliances, as the official list marked them."""
    members = SignatoryAlliance.objects.filter(alliance__in=alliances).values("signatory_id")
    return queryset.filter(pk__in=members)


def alliance_cube(queryset, facets: tuple[str, ...]) -> list[tuple]:
    """(alliance, a value of each facet…, n) for the members among `queryset`: one grouped
    query, summed like the facets' cube for any choice of the facets' options."""
    members = SignatoryAlliance.objects.filter(signatory__in=queryset.order_by().values("pk"))
    rows = members.order_by().values_list("alliance", *(f"signatory__{facet}" for facet in facets))
    # A kind as its slug, as the `kind` parameter names it and the facets' cube counts it.
    found: dict[tuple, int] = {}
    for alliance, *values, count in rows.annotate(count=Count("id")):
        key = (
            alliance,
            *(_slug(facet, value) for facet, value in zip(facets, values, strict=True)),
        )
        found[key] = found.get(key, 0) + count
    return [(*key, count) for key, count in found.items()]


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

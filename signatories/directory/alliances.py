"""`alliance`: the supporters the official list's first spreadsheet marked as members of the
Cybersecurity Tech Accord or the Charter of Trust (September 2019), and their counts."""

from django.db.models import Count

from signatories.models import Alliance, SignatoryAlliance

ALLIANCE_CHOICES = Alliance.choices


def in_alliances(queryset, alliances: list[str]):
    """Members of any of these alliances, as the official list marked them."""
    members = SignatoryAlliance.objects.filter(alliance__in=alliances).values("signatory_id")
    return queryset.filter(pk__in=members)


def alliance_cube(queryset) -> list[tuple]:
    """(alliance, type, region, country, n) for the members among `queryset`: one grouped
    query, summed like the facets' cube for any choice of types, regions and countries."""
    members = SignatoryAlliance.objects.filter(signatory__in=queryset.order_by().values("pk"))
    rows = members.order_by().values_list(
        "alliance", "signatory__type", "signatory__region", "signatory__country"
    )
    return list(rows.annotate(count=Count("id")))


def alliance_counts(cube: list[tuple], chosen: dict[str, set[str]]) -> dict[str, int]:
    """How many supporters each alliance option would give, the facets' choices kept."""
    types, regions, countries = (chosen[facet] for facet in ("type", "region", "country"))
    counts: dict[str, int] = {}
    for alliance, type_, region, country, count in cube:
        if (
            (not types or type_ in types)
            and (not regions or region in regions)
            and (not countries or country in countries)
        ):
            counts[alliance] = counts.get(alliance, 0) + count
    return counts

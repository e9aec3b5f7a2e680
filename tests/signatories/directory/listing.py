"""What the list tests share: a small directory, the names a page lists, a facet's counts."""

import datetime

from tests.factories import SignatoryFactory, StateFactory


def five_supporters() -> dict:
    """A small directory: two states, a French NGO, a Kenyan company, the EU."""
    return {
        "korea": StateFactory(country="KR", aliases="République de Corée"),
        "uk": StateFactory(country="GB", aliases="Royaume-Uni"),
        "ngo": SignatoryFactory(
            name="Électronique Sans Frontières",
            slug="electronique-sans-frontieres",
            country="FR",
            supporter_since=datetime.date(2019, 3, 4),
        ),
        "company": SignatoryFactory(
            name="Safaricom",
            slug="safaricom",
            type="private-sector",
            country="KE",
            supporter_since=datetime.date(2021, 11, 11),
        ),
        "eu": SignatoryFactory(
            name="European Union",
            slug="european-union",
            type="public-authority",
            country="",
            region="europe",
            supporter_since=datetime.date(2021, 11, 1),
            supporter_since_precision="month",
        ),
    }


def listed(response) -> list[str]:
    return [signatory.name for signatory in response.context["page_obj"].object_list]


def facet(response, name: str) -> dict[str, int]:
    facet = next(facet for facet in response.context["facets"] if facet.name == name)
    return {option.value: option.count for option in facet.options}

"""The official supporters list: its columns, its vocabulary, and how one of its rows reads.

The list is the Paris Call site's spreadsheet download (see data/README.md). Its quirks:
states are named in French (the country code gives the English name), `nationality` is an
alpha-3 code with a few codes of its own, `nature` is a French word, `date_signed` is an
exact day given for few entries, and `first_listed` the day an entry first appeared.
"""

import datetime

from django.utils.translation import gettext as _
from django_countries import countries

from signatories.dates import Precision
from signatories.importing.links import read_links
from signatories.importing.rows import ParsedRow, Problems, RowRejected, trimmed
from signatories.models import SignatoryType
from signatories.regions import Region
from signatories.text import normalise

OFFICIAL_REQUIRED = [
    "name",
    "category",
    "nationality",
    "nature",
    "website",
    "twitter",
    "date_signed",
]
# Read when present; any other column is ignored.
OFFICIAL_OPTIONAL = ["linkedin", "statement", "first_listed"]

# The official list uses a few codes that are not ISO 3166-1 alpha-3 (see its own country
# table): these are the ISO codes of the countries it means.
NONSTANDARD_ALPHA3 = {
    "ROM": "RO",  # Romania (ISO: ROU; ROM is the old UN/IOC-style code)
    "MTG": "ME",  # Montenegro (ISO: MNE)
    "SCG": "RS",  # Serbia (ISO: SRB; SCG was Serbia and Montenegro)
}

# The official list's `nature` (in French, any case, stray spaces) → organisation kind in
# English. Keys are normalised (lower case, no accents, straight apostrophes). Every value
# of the list as of 2025-12-25 is here except `UE`, which the list puts only on states that
# are EU members: a state has no organisation kind, so a state's nature is not read.
NATURE_KINDS = {
    "academie": "academy",
    "agence": "agency",
    "association": "association",
    "association professionnelle": "trade association",
    "autorite independante": "independent authority",
    "centre d'excellence": "centre of excellence",
    "centre de recherche": "research centre",
    "chambre de commerce": "chamber of commerce",
    "collectivite locale": "local authority",
    "commission consultative": "advisory commission",
    "ecole": "school",
    "entreprise": "company",
    "etat federe": "federated state",
    "federation": "federation",
    "fondation": "foundation",
    "forum": "forum",
    "groupement d'interet public": "public interest group",
    "international organization": "international organisation",
    "ong": "NGO",
    "operateur": "operator",
    "organisation a but non lucratif": "non-profit organisation",
    "organisation internationale": "international organisation",
    "organisme public": "public body",
    "think tank": "think tank",
    "universite": "university",
}

# A supporter with no country has no region to derive, and the list says nothing of
# regions. A new one gets a region only where the list makes it plain: an international
# organisation is "international" (INTERPOL), and the European Union is in Europe. Any
# other is "unknown" ("Not stated") until staff set it in admin.
REGION_OF_KIND_WITHOUT_COUNTRY = {"international organisation": Region.INTERNATIONAL}
REGION_OF_NAME_WITHOUT_COUNTRY = {"european union": Region.EUROPE}


def parse_official(cells: dict[str, str]) -> ParsedRow:
    """What a row of the official list says; RowRejected with the reason if it can't be read."""
    name = trimmed(cells["name"])
    if not name.startswith(("\t", "\r")):
        name = " ".join(name.split())
    problems = Problems()
    if not name:
        problems.reasons.append(_("no name"))
    category = ""
    with problems.check():
        category = _category(cells["category"])
    parsed = ParsedRow({"type": category})
    code = cells["nationality"].strip().upper()
    if code:
        with problems.check():
            parsed.values["country"] = _country_from_alpha3(code)
    if category == SignatoryType.STATE and not code:
        problems.reasons.append(_("a state needs its country (nationality)"))
    problems.raise_any()
    if category == SignatoryType.STATE:
        # A state is named by its country; the list's (French) name becomes an alias.
        parsed.alias = name
    else:
        parsed.values["name"] = name
        _read_nature(cells["nature"], parsed)
        if not code:
            parsed.region_if_new = _region_without_country(name, parsed.values.get("kind", ""))
    read_links(cells, parsed.values, parsed.warnings)
    statement = trimmed(cells.get("statement", ""))
    if statement:
        parsed.values["statement"] = statement
    _read_dates(cells, parsed)
    return parsed


def _category(cell: str) -> str:
    category = cell.strip().lower()
    if not category:
        raise RowRejected(_("no category"))
    if category not in SignatoryType.values:
        expected = ", ".join(SignatoryType.values)
        raise RowRejected(
            _("unknown category %(category)s (expected one of %(expected)s)")
            % {"category": repr(category), "expected": expected}
        )
    return category


def _country_from_alpha3(code: str) -> str:
    alpha2 = NONSTANDARD_ALPHA3.get(code)
    if alpha2 is None and len(code) == 3 and code.isalpha():
        alpha2 = countries.alpha2(code) or None
    if alpha2 is None:
        raise RowRejected(
            _("unknown country code %(code)s (expected ISO 3166 alpha-3)") % {"code": repr(code)}
        )
    return alpha2


def _read_nature(cell: str, parsed: ParsedRow) -> None:
    nature = cell.strip()
    if not nature:
        return
    kind = NATURE_KINDS.get(normalise(nature).replace("’", "'"))
    if kind:
        parsed.values["kind"] = kind
    else:
        message = _("unknown value %(value)s: no kind recorded") % {"value": repr(nature)}
        parsed.warnings.append(("nature", message))


def _region_without_country(name: str, kind: str) -> str:
    return (
        REGION_OF_KIND_WITHOUT_COUNTRY.get(kind)
        or REGION_OF_NAME_WITHOUT_COUNTRY.get(normalise(name))
        or Region.UNKNOWN
    )


def _read_dates(cells: dict[str, str], parsed: ParsedRow) -> None:
    """`date_signed` is the exact day it joined; `first_listed` only a day it had joined by."""
    signed = _iso_day(cells["date_signed"], "date_signed", parsed)
    if signed:
        parsed.values["supporter_since"] = signed
        parsed.values["supporter_since_precision"] = Precision.DAY
        parsed.values["supporter_since_is_bound"] = False
    parsed.listed_by = _iso_day(cells.get("first_listed", ""), "first_listed", parsed)


def _iso_day(cell: str, column: str, parsed: ParsedRow) -> datetime.date | None:
    value = cell.strip()
    if not value:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        message = _("%(value)s is not a date (YYYY-MM-DD)") % {"value": repr(value)}
        parsed.warnings.append((column, message))
        return None

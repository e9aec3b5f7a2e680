"""UN M49 regions: the choices, and a country's region and sub-region from the M49 table."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from signatories.data.m49 import FRENCH, M49


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")
    # Organisations with no home country (INTERPOL, …).
    INTERNATIONAL = "international", _("International")
    # Supporters whose country and region no source gives (a few rows of the official list).
    UNKNOWN = "unknown", _("Not stated")


def region_of(country_code: str) -> str | None:
    """The M49 region slug of an ISO alpha-2 country code; None if M49 has none."""
    entry = M49.get(country_code)
    return entry[0] if entry else None


def subregion_of(country_code: str) -> str:
    """The most specific M49 sub-region name in the active language, e.g. "Western Asia"
    ("Asie de l’Ouest") or "Eastern Africa" ("Afrique orientale")."""
    entry = M49.get(country_code)
    if not entry:
        return ""
    name = entry[2] or entry[1]
    return FRENCH.get(name, name) if get_language() == "fr" else name

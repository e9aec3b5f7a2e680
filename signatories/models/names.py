"""What follows from a supporter's name without anyone typing it: the text search reads
(its names in both languages, a state's country's names) and its French name."""

from django.conf import settings
from django.utils import translation
from django_countries import countries

from signatories.text import normalise
from signatories.vocabulary import SignatoryType


def search_text_for(name: str, aliases: str, type: str, country, name_fr: str = "") -> str:
    """What `q` matches: the name, the French name and aliases, and a state's country name
    too, in English and in French whichever language the page (or the admin saving it) is in."""
    parts = [name, name_fr, aliases]
    if type == SignatoryType.STATE and country:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                parts.append(str(countries.name(country.code)))
    return normalise(" ".join(dict.fromkeys(part for part in parts if part)))


# Organisations whose French name no source in the data gives but their own: the European
# Union names itself « Union européenne » (the official list names it in English).
KNOWN_FRENCH_NAMES = {"european union": "Union européenne"}


def french_name_for(name: str, type: str, country) -> str:
    """The French name a supporter has without anyone typing it: a state's is its
    country's French short name; a few organisations' are known; others have none."""
    if type == SignatoryType.STATE and country:
        return french_name_of_country(country.code)
    if not country:
        return KNOWN_FRENCH_NAMES.get(normalise(name), "")
    return ""


def french_name_of_country(code: str) -> str:
    """The country's French short name, from django-countries' French catalogue."""
    with translation.override("fr"):
        return str(countries.name(code))

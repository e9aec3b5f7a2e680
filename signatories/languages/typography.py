"""French typography for the data a French page shows (never for the exports).

The sources write "Côte d'Ivoire" and "Catégorie: État"; a French page prints
« Côte d’Ivoire » and « Catégorie : État »: a typographic apostrophe, a no-break space
before the colon, a narrow no-break space before « ; ! ? » and inside « ». `typeset` does
that to a text shown on a French page and leaves it as it is in any other language, so the
stored values (and the CSV and JSON made from them) keep the source's characters.
"""

import re

from django.utils.translation import get_language

NO_BREAK_SPACE = "\u00a0"
NARROW_NO_BREAK_SPACE = "\u202f"

_APOSTROPHE = re.compile(r"(?<=\w)'|'(?=\w)")
# A colon, semicolon, exclamation or question mark that ends a word (not "10:30", not
# "https://"): its space, or none, becomes the French no-break space.
_COLON = re.compile(r"(?<=[^\s\d/])[ \u00a0\u202f]?:(?=\s|$)")
_HIGH_PUNCTUATION = re.compile(r"(?<=\S)[ \u00a0\u202f]?([;!?])(?=\s|$)")
_OPENING_GUILLEMET = re.compile(r"«[ \u00a0\u202f]?")
_CLOSING_GUILLEMET = re.compile(r"[ \u00a0\u202f]?»")


def french(text: str) -> str:
    """The text with French typography."""
    text = _APOSTROPHE.sub("’", text)
    text = _COLON.sub(NO_BREAK_SPACE + ":", text)
    text = _HIGH_PUNCTUATION.sub(NARROW_NO_BREAK_SPACE + r"\1", text)
    text = _OPENING_GUILLEMET.sub("«" + NARROW_NO_BREAK_SPACE, text)
    return _CLOSING_GUILLEMET.sub(NARROW_NO_BREAK_SPACE + "»", text)


def typeset(text) -> str:
    """The text as a page in the active language prints it: French typography in French."""
    if text is None:
        return ""
    text = str(text)
    return french(text) if get_language() == "fr" else text

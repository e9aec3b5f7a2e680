"""Text normalisation shared by search, matching on import and the search column."""

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})


def normalise(text: str) -> str:
    """Case- and accent-free form with single spaces: "Royaume-Uni" → "royaume-uni"."""
    text = text.replace("\x00", "").translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())


def name_key(name: str) -> str:
    """The form two names share when they are the same name (the natural key's): without
    case, accents or punctuation, "ABB" = "abb" = "A.B.B" ≠ "ABB Sweden"."""
    text = normalise(name)
    spaced = "".join(" " if unicodedata.category(char)[0] in "PS" else char for char in text)
    return "".join(spaced.split())

"""Text normalisation shared by search, matching on import and the search column."""

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})


def normalise(text: str) -> str:
    """Case- and accent-free form with single spaces: "Royaume-Uni" → "royaume-uni"."""
    text = text.replace("\x00", "").translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())

"""French formats: Django's, except thousands grouped by a narrow no-break space (1 217).

The narrow no-break space (U+202F) is what French typography and the Imprimerie
nationale's rules use between groups of digits; Django's default is a full no-break space.
"""

THOUSAND_SEPARATOR = "\u202f"

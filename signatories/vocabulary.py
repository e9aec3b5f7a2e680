"""The directory's fixed vocabularies (type, status), and the checks on values its models share."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class SignatoryType(models.TextChoices):
    STATE = "state", _("State")
    PUBLIC_AUTHORITY = "public-authority", _("Public authority")
    PRIVATE_SECTOR = "private-sector", _("Company / private sector")
    CIVIL_SOCIETY = "civil-society", _("NGO / civil society")


class SignatoryStatus(models.TextChoices):
    CURRENT = "current", _("Current supporter")
    FORMER = "former", _("Former supporter")


class ReviewFlag(models.TextChoices):
    """What an editor says of a record that someone with delete permission should look at."""

    DUPLICATE = "duplicate", _("Duplicate of another supporter")
    WRONG = "wrong", _("Wrong: should not be in the directory")


# The list's `status=all`: current and former supporters together.
STATUS_ALL = "all"
STATUS_FILTER_CHOICES = [
    *SignatoryStatus.choices,
    (STATUS_ALL, _("Current and former supporters")),
]


# The organisation kinds the importer records (`NATURE_KINDS` in
# signatories/importing/official.py), named here so that pages can show them in their
# language. A kind staff typed that is not here is shown as written.
ORGANISATION_KINDS = {
    "academy": _("academy"),
    "advisory commission": _("advisory commission"),
    "agency": _("agency"),
    "association": _("association"),
    "centre of excellence": _("centre of excellence"),
    "chamber of commerce": _("chamber of commerce"),
    "company": _("company"),
    "federated state": _("federated state"),
    "federation": _("federation"),
    "forum": _("forum"),
    "foundation": _("foundation"),
    "independent authority": _("independent authority"),
    "international organisation": _("international organisation"),
    "local authority": _("local authority"),
    "NGO": _("NGO"),
    "non-profit organisation": _("non-profit organisation"),
    "operator": _("operator"),
    "public body": _("public body"),
    "public interest group": _("public interest group"),
    "research centre": _("research centre"),
    "school": _("school"),
    "think tank": _("think tank"),
    "trade association": _("trade association"),
    "university": _("university"),
}
# The list's `kind` values: each kind as a slug ("think-tank", "ngo"), and back.
KIND_BY_SLUG = {slugify(kind): kind for kind in ORGANISATION_KINDS}
KIND_SLUGS = {kind: slug for slug, kind in KIND_BY_SLUG.items()}
KIND_CHOICES = [(slug, ORGANISATION_KINDS[kind]) for slug, kind in KIND_BY_SLUG.items()]


def choice_values(choices: type[models.TextChoices]) -> list[str]:
    return [value for value, _label in choices.choices]


http_url_validator = URLValidator(schemes=["http", "https"])


# A Twitter handle: letters, digits and underscores, at most 15, at least one letter.
TWITTER_HANDLE = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9_]{1,15}$")

# Invisible characters that change the direction of text: in a link they can make the
# address shown differ from the address followed, so the directory refuses them.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f"  # Arabic letter mark, left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides (U+202E: right-to-left)
    "\u2066\u2067\u2068\u2069"  # isolates
)


def validate_twitter_handle(value: str) -> None:
    """A handle such as `ParisCall` (the leading @ is removed before this check)."""
    if not TWITTER_HANDLE.match(value):
        raise ValidationError(
            _(
                "Enter a Twitter handle: up to 15 letters, digits or underscores, "
                "such as ParisCall (with or without the @)."
            ),
            code="invalid_twitter",
        )


# Characters no text a person or an import writes may hold: control characters but tab and
# line breaks (ESC made the Atom feed answer 500), surrogates and non-characters (U+FFFF
# made it invalid XML), and the direction embeddings, overrides and isolates (U+202E turns
# the rest of a name around).
UNSAFE_IN_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\u202a-\u202e\u2066-\u2069]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe"
    "\U0004ffff\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff"
    "\U0008fffe\U0008ffff\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe"
    "\U000bffff\U000cfffe\U000cffff\U000dfffe\U000dffff\U000efffe\U000effff"
    "\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


def validate_plain_text(value: str) -> None:
    """Refuse text holding a control, non-character or direction-override character.

    The one check for every text field staff or an import write (the model's validators;
    the admin and the importer follow from the model).
    """
    found = sorted(set(UNSAFE_IN_TEXT.findall(value or "")))
    if found:
        raise ValidationError(
            _(
                "This contains a character that is not text (%(codes)s): an invisible control "
                "or direction character. Type it again without it."
            ),
            code="unsafe_character",
            params={"codes": ", ".join(f"U+{ord(character):04X}" for character in found)},
        )


def validate_no_bidi_controls(value: str) -> None:
    """Refuse text holding a direction control character such as U+202E."""
    found = sorted({character for character in value if character in BIDI_CONTROLS})
    if found:
        raise ValidationError(
            _(
                "This contains an invisible text-direction character (%(codes)s) that can "
                "disguise where a link leads. Type the address again without it."
            ),
            code="bidi_control",
            params={"codes": ", ".join(f"U+{ord(character):04X}" for character in found)},
        )

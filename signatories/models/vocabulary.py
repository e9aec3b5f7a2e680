"""The directory's fixed vocabularies, and the checks its models share."""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class SignatoryType(models.TextChoices):
    STATE = "state", _("State")
    PUBLIC_AUTHORITY = "public-authority", _("Public authority")
    PRIVATE_SECTOR = "private-sector", _("Company / private sector")
    CIVIL_SOCIETY = "civil-society", _("NGO / civil society")


class SignatoryStatus(models.TextChoices):
    CURRENT = "current", _("Current supporter")
    FORMER = "former", _("Former supporter")


def choice_values(choices: type[models.TextChoices]) -> list[str]:
    return [value for value, _label in choices.choices]


http_url_validator = URLValidator(schemes=["http", "https"])

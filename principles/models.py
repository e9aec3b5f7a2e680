"""The nine principles of the Paris Call, with their official texts."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from signatories.vocabulary import validate_plain_text

# The Paris Call has nine principles, numbered 1 to 9: said here once.
PRINCIPLE_COUNT = 9


class PrincipleQuerySet(models.QuerySet):
    def get_by_natural_key(self, number: int) -> "Principle":
        return self.get(number=number)


class Principle(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # Staff may correct the texts in admin: the same check as every text they write.
    title = models.CharField(_("title"), max_length=200, validators=[validate_plain_text])
    title_fr = models.CharField(
        _("title in French"), max_length=200, validators=[validate_plain_text]
    )
    text = models.TextField(_("official text"), validators=[validate_plain_text])
    text_fr = models.TextField(_("official text in French"), validators=[validate_plain_text])

    history = HistoricalRecords()
    objects = PrincipleQuerySet.as_manager()

    class Meta:
        verbose_name = _("principle")
        verbose_name_plural = _("principles")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=PRINCIPLE_COUNT),
                name="principle_number_1_to_9",
                violation_error_message=_("The Paris Call has nine principles, numbered 1 to 9."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("principles:detail", args=[self.number])

    def natural_key(self) -> tuple[int]:
        return (self.number,)

    # The Call's official texts exist in English and French: each page shows the one in its
    # own language first, and offers the other.
    @property
    def local_title(self) -> str:
        return self.title_fr if get_language() == "fr" else self.title

    @property
    def local_text(self) -> str:
        return self.text_fr if get_language() == "fr" else self.text

    @property
    def other_version(self) -> dict[str, str]:
        """The official title and text in the other language, with its code and a label."""
        if get_language() == "fr":
            return {
                "code": "en",
                "label": _("Official English text"),
                "title": self.title,
                "text": self.text,
            }
        return {
            "code": "fr",
            "label": _("Official French text"),
            "title": self.title_fr,
            "text": self.text_fr,
        }

    @property
    def previous_number(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next_number(self) -> int | None:
        return self.number + 1 if self.number < PRINCIPLE_COUNT else None

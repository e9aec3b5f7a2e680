"""Milestones: the totals of supporters that sources reported at a date."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from signatories import dates
from signatories.dates import Precision
from signatories.languages.bilingual import Localised
from signatories.models.evidence import Source
from signatories.vocabulary import SignatoryType, choice_values, validate_plain_text


class MilestoneQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug: str) -> "Milestone":
        return self.get(slug=slug)

    def with_counts(self) -> "MilestoneQuerySet":
        return self.prefetch_related("counts").select_related("source")


class Milestone(models.Model):
    """A total of supporters reported at a date, with its source."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    label = models.CharField(_("label"), max_length=200, validators=[validate_plain_text])
    label_fr = models.CharField(
        _("label in French"), max_length=200, blank=True, validators=[validate_plain_text]
    )
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=Precision.choices, default="day"
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="milestones", verbose_name=_("source")
    )
    total = models.PositiveIntegerField(_("total"), null=True, blank=True)
    total_is_lower_bound = models.BooleanField(_("total is “more than”"), default=False)
    note = models.TextField(_("note"), blank=True, validators=[validate_plain_text])
    note_fr = models.TextField(_("note in French"), blank=True, validators=[validate_plain_text])

    history = HistoricalRecords()
    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["date", "slug"]

    label_shown = Localised("label")
    note_shown = Localised("note")

    def __str__(self) -> str:
        return f"{self.label} ({self.date_display})"

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def date_display(self) -> str:
        return dates.display(self.date, self.date_precision)


class MilestoneCountManager(models.Manager):
    def get_by_natural_key(self, milestone: str, type: str) -> "MilestoneCount":
        return self.get(milestone__slug=milestone, type=type)


class MilestoneCount(models.Model):
    """How many supporters of one type a milestone reports ("more than" when a bound)."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="counts")
    type = models.CharField(_("type"), max_length=20, choices=SignatoryType.choices)
    count = models.PositiveIntegerField(_("count"))
    is_lower_bound = models.BooleanField(_("“more than”"), default=False)

    history = HistoricalRecords()
    objects = MilestoneCountManager()

    class Meta:
        verbose_name = _("count")
        verbose_name_plural = _("counts")
        ordering = ["milestone", "type"]
        constraints = [
            models.UniqueConstraint(fields=["milestone", "type"], name="one_count_per_type"),
            models.CheckConstraint(
                condition=Q(type__in=choice_values(SignatoryType)),
                name="milestone_count_type_valid",
            ),
        ]

    def __str__(self) -> str:
        bound = "> " if self.is_lower_bound else ""
        return f"{self.get_type_display()}: {bound}{self.count}"

    def natural_key(self) -> tuple:
        return (*self.milestone.natural_key(), self.type)

    natural_key.dependencies = ["signatories.milestone"]

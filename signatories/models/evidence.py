"""Evidence: the sources a fact comes from, and the passages (citations) that support it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from signatories import dates
from signatories.dates import Precision
from signatories.languages.bilingual import Localised
from signatories.vocabulary import choice_values, http_url_validator, validate_plain_text


class SourceQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug: str) -> "Source":
        return self.get(slug=slug)

    def articles(self) -> "SourceQuerySet":
        return self.filter(kind=SourceKind.ARTICLE)


class SourceKind(models.TextChoices):
    ARTICLE = "article", _("Article")
    OFFICIAL_LIST = "official-list", _("Official supporters list")
    OFFICIAL_SITE = "official-site", _("The Paris Call's own site")
    OFFICIAL_REPOSITORY = "official-repository", _("A commit of the official site's repository")
    IMPORT = "import", _("Imported file")


class Source(models.Model):
    """What a fact comes from: an article, the official supporters list, an import."""

    Kind = SourceKind

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300, validators=[validate_plain_text])
    title_fr = models.CharField(
        _("title in French"),
        max_length=300,
        blank=True,
        help_text=_("Only for a title the directory gave; an article's title is quoted."),
        validators=[validate_plain_text],
    )
    publisher = models.CharField(
        _("publisher or author"), max_length=200, blank=True, validators=[validate_plain_text]
    )
    publisher_fr = models.CharField(
        _("publisher in French"),
        max_length=200,
        blank=True,
        help_text=_("When the publisher has a French name (the Paris Call's own site)."),
        validators=[validate_plain_text],
    )
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=Precision.choices, default="day"
    )
    date_note = models.CharField(
        _("about the date"),
        max_length=300,
        blank=True,
        validators=[validate_plain_text],
        help_text=_("What is known of the date when it is not exact."),
    )
    date_note_fr = models.CharField(
        _("about the date, in French"), max_length=300, blank=True, validators=[validate_plain_text]
    )
    url = models.URLField(_("URL"), max_length=500, blank=True, validators=[http_url_validator])
    covers_whole_list = models.BooleanField(
        _("the whole official list"),
        default=False,
        help_text=_(
            "This file was the whole official list at its date: a supporter it lacks had left."
        ),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = SourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=choice_values(SourceKind)), name="source_kind_valid"
            ),
        ]

    title_shown = Localised("title")
    publisher_shown = Localised("publisher")
    date_note_shown = Localised("date_note")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.date:
            self.date = dates.truncate(self.date, self.date_precision)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        # A source can't be from the future: a whole list dated 2099 would refuse every
        # later whole-list import (an older list can't say who has left since).
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("A source can’t be dated in the future.")})

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def date_display(self) -> str:
        return dates.display(self.date, self.date_precision)

    @property
    def title_is_ours(self) -> bool:
        """A title the directory gave (it has a French one), not one quoted from the source."""
        return bool(self.title_fr)


class CitationManager(models.Manager):
    def get_by_natural_key(self, source, signatory, milestone, principle):
        return self.get(
            source__slug=source,
            signatory__slug=signatory,
            milestone__slug=milestone,
            principle__number=principle,
        )


class CitationBasis(models.TextChoices):
    STATED = "stated", _("Stated by the source")
    DERIVED = "derived", _("Derived from the source")


class Citation(models.Model):
    """A passage of a source that supports a supporter, a milestone or a principle."""

    Basis = CitationBasis

    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="citations", verbose_name=_("source")
    )
    signatory = models.ForeignKey(
        "Signatory",
        on_delete=models.CASCADE,
        related_name="citations",
        null=True,
        blank=True,
        verbose_name=_("supporter"),
    )
    milestone = models.ForeignKey(
        "Milestone",
        on_delete=models.CASCADE,
        related_name="citations",
        null=True,
        blank=True,
        verbose_name=_("milestone"),
    )
    principle = models.ForeignKey(
        "principles.Principle",
        on_delete=models.CASCADE,
        related_name="citations",
        null=True,
        blank=True,
        verbose_name=_("principle"),
    )
    passage = models.TextField(
        _("passage"),
        help_text=_("Quoted exactly from the source."),
        validators=[validate_plain_text],
    )
    passage_fr = models.TextField(
        _("passage in French"),
        blank=True,
        help_text=_("Only when the directory wrote the passage (an import's finding)."),
        validators=[validate_plain_text],
    )
    basis = models.CharField(_("basis"), max_length=10, choices=Basis.choices, default=Basis.STATED)
    reasoning = models.TextField(
        _("reasoning"),
        blank=True,
        validators=[validate_plain_text],
        help_text=_("How the fact follows from the passage, when it is derived."),
    )
    reasoning_fr = models.TextField(
        _("reasoning in French"), blank=True, validators=[validate_plain_text]
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = CitationManager()

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["source__date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(signatory__isnull=False, milestone__isnull=True, principle__isnull=True)
                    | Q(signatory__isnull=True, milestone__isnull=False, principle__isnull=True)
                    | Q(signatory__isnull=True, milestone__isnull=True, principle__isnull=False)
                ),
                name="citation_cites_one_record",
                violation_error_message=_(
                    "A citation supports exactly one supporter, milestone or principle."
                ),
            ),
            models.CheckConstraint(
                condition=Q(basis__in=choice_values(CitationBasis)),
                name="citation_basis_valid",
            ),
            models.CheckConstraint(
                condition=Q(basis="stated") | ~Q(reasoning=""),
                name="derived_citation_has_reasoning",
                violation_error_message=_("Explain how a derived fact follows from the source."),
            ),
            # One passage per source and record: also the fixtures' natural key.
            models.UniqueConstraint(
                fields=["source", "signatory"],
                condition=Q(signatory__isnull=False),
                name="one_citation_per_source_signatory",
            ),
            models.UniqueConstraint(
                fields=["source", "milestone"],
                condition=Q(milestone__isnull=False),
                name="one_citation_per_source_milestone",
            ),
            models.UniqueConstraint(
                fields=["source", "principle"],
                condition=Q(principle__isnull=False),
                name="one_citation_per_source_principle",
            ),
        ]

    passage_shown = Localised("passage")
    reasoning_shown = Localised("reasoning")

    def __str__(self) -> str:
        # The source and the basis: the passage (an import's is the row's raw cells) is
        # shown below it, in full, wherever a citation is listed.
        return f"{self.source} · {self.get_basis_display()}"

    @property
    def passage_is_ours(self) -> bool:
        """A passage the directory wrote (it has a French one), not one quoted."""
        return bool(self.passage_fr)

    def natural_key(self) -> tuple:
        return (
            self.source.slug,
            self.signatory.slug if self.signatory else None,
            self.milestone.slug if self.milestone else None,
            self.principle.number if self.principle else None,
        )

    natural_key.dependencies = [
        "signatories.source",
        "signatories.signatory",
        "signatories.milestone",
        "principles.principle",
    ]

"""The directory's records: supporters, the sources that vouch for them, and milestones."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Count, Q, Value
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from signatories import dates
from signatories.dates import Precision
from signatories.regions import Region, region_of, subregion_of
from signatories.text import normalise


class SignatoryType(models.TextChoices):
    STATE = "state", _("State")
    PUBLIC_AUTHORITY = "public-authority", _("Public authority")
    PRIVATE_SECTOR = "private-sector", _("Company / private sector")
    CIVIL_SOCIETY = "civil-society", _("NGO / civil society")


class SignatoryStatus(models.TextChoices):
    CURRENT = "current", _("Current supporter")
    FORMER = "former", _("Former supporter")


def _choice_values(choices: type[models.TextChoices]) -> list[str]:
    return [value for value, _label in choices.choices]


http_url_validator = URLValidator(schemes=["http", "https"])


class SignatoryQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug: str) -> "Signatory":
        return self.get(slug=slug)

    def supporters(self) -> "SignatoryQuerySet":
        """Every supporter the directory lists (all records are supporters today)."""
        return self

    def of_type(self, *types: str) -> "SignatoryQuerySet":
        return self.filter(type__in=types)

    def in_region(self, *regions: str) -> "SignatoryQuerySet":
        return self.filter(region__in=regions)

    def in_country(self, *countries: str) -> "SignatoryQuerySet":
        return self.filter(country__in=countries)

    def states(self) -> "SignatoryQuerySet":
        return self.filter(type=SignatoryType.STATE)

    def supporting_since_year(self, year: int) -> "SignatoryQuerySet":
        return self.filter(supporter_since__year=year)

    def count_by(self, field: str) -> dict[str, int]:
        """How many supporters have each value of `field`: one grouped query."""
        return dict(self.order_by().values_list(field).annotate(count=Count("id")))

    def count_by_combination(self, *fields: str) -> list[tuple]:
        """(value of each field…, count) for every combination that occurs: one grouped
        query (the list's facet counts are sums over it, see signatories.facets)."""
        return list(self.order_by().values_list(*fields).annotate(count=Count("id")))

    def sorted_after_matching(self) -> "SignatoryQuerySet":
        """The same order by name, sorted over the matches instead of read from the name
        index. A search with few matches then finds them by its trigram index and sorts
        them, rather than reading the table in name order until a page is found: names
        that start with the word searched all sort together, maybe far down the index."""
        order = list(self.query.order_by)
        if order and order[0] in ("sort_name", "-sort_name"):
            by_name = Concat("sort_name", Value(""), output_field=models.CharField())
            order[0] = by_name.desc() if order[0].startswith("-") else by_name.asc()
        return self.order_by(*order)

    def others_in_country(self, signatory: "Signatory") -> "SignatoryQuerySet":
        if not signatory.country:
            return self.none()
        return self.filter(country=signatory.country).exclude(pk=signatory.pk)

    def search(self, query: str) -> "SignatoryQuerySet":
        """Names, aliases and (for states) country names, ignoring case and accents."""
        words = normalise(query).split()
        queryset = self
        for word in words:
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class Signatory(models.Model):
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=320, unique=True)
    type = models.CharField(_("type"), max_length=20, choices=SignatoryType.choices)
    country = CountryField(_("country"), blank=True)
    region = models.CharField(
        _("region"),
        max_length=20,
        choices=Region.choices,
        blank=True,
        help_text=_("Derived from the country; set it only when there is no country."),
    )
    kind = models.CharField(
        _("organisation kind"),
        max_length=100,
        blank=True,
        help_text=_("Company, association, university, think tank, foundation, …"),
    )
    aliases = models.CharField(
        _("other names"),
        max_length=500,
        blank=True,
        help_text=_("Other names search should find, e.g. the official list's French name."),
    )
    website = models.URLField(
        _("website"), max_length=500, blank=True, validators=[http_url_validator]
    )
    twitter = models.CharField(
        _("Twitter handle"),
        max_length=50,
        blank=True,
        help_text=_("Without the @."),
    )
    linkedin = models.URLField(
        _("LinkedIn URL"), max_length=500, blank=True, validators=[http_url_validator]
    )
    statement = models.TextField(
        _("statement"), blank=True, help_text=_("In the supporter's own words.")
    )
    supporter_since = models.DateField(
        _("supporter since"),
        null=True,
        blank=True,
        help_text=_("The first day of the period when the precision is a month or a year."),
    )
    supporter_since_precision = models.CharField(
        _("precision of supporter since"),
        max_length=5,
        choices=Precision.choices,
        default=Precision.DAY,
    )
    supporter_since_is_bound = models.BooleanField(
        _("only “by” that date"),
        default=False,
        help_text=_("The sources say it supported the Call by then, not when it joined."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SignatoryStatus.choices,
        default=SignatoryStatus.CURRENT,
        help_text=_("Former: no longer on the official list. Its page stays and says so."),
    )
    left_on = models.DateField(
        _("left on"),
        null=True,
        blank=True,
        help_text=_("The date of the first official list that no longer has it."),
    )
    left_source = models.ForeignKey(
        "Source",
        on_delete=models.PROTECT,
        related_name="departures",
        null=True,
        blank=True,
        verbose_name=_("source showing it left"),
    )
    # The name without case or accents, so that "École" sorts among the E's on every database.
    sort_name = models.CharField(max_length=300, editable=False, default="")
    # Normalised name, aliases and country name: what `q` searches (trigram-indexed on
    # PostgreSQL, see migration 0002).
    search_text = models.TextField(editable=False, default="")
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = SignatoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters")
        ordering = ["sort_name", "id"]
        constraints = [
            # A state is identified by its country.
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(type="state"),
                name="one_state_per_country",
                violation_error_message=_("There is already a state for this country."),
            ),
            models.UniqueConstraint(
                fields=["name", "country", "type"],
                name="one_supporter_per_name_country_type",
                violation_error_message=_(
                    "There is already a supporter of this type with this name and country."
                ),
            ),
            models.CheckConstraint(
                condition=Q(type__in=_choice_values(SignatoryType)),
                name="signatory_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(region__in=_choice_values(Region)),
                name="signatory_region_valid",
            ),
            models.CheckConstraint(
                condition=~Q(type="state") | ~Q(country=""),
                name="state_has_country",
                violation_error_message=_("A state needs its country."),
            ),
            models.CheckConstraint(
                condition=Q(supporter_since_precision__in=_choice_values(Precision)),
                name="signatory_since_precision_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=_choice_values(SignatoryStatus)),
                name="signatory_status_valid",
            ),
            # A former supporter says from when; a current one has not left.
            models.CheckConstraint(
                condition=(
                    Q(status="current", left_on__isnull=True)
                    | Q(status="former", left_on__isnull=False)
                ),
                name="former_supporter_has_left_date",
                violation_error_message=_(
                    "A former supporter needs the date it left; a current one has none."
                ),
            ),
        ]
        indexes = [
            # The list's default order (name, then id), unfiltered and for deep pages.
            models.Index(fields=["sort_name", "id"], name="signatory_sort_name_id"),
            # The type, region and country filters, in the list's order, and their counts.
            models.Index(fields=["type", "sort_name"], name="signatory_type_sort_name"),
            models.Index(fields=["region", "sort_name"], name="signatory_region_sort_name"),
            models.Index(fields=["country", "sort_name"], name="signatory_country_sort_name"),
            # sort=since / -since and the `since` year filter.
            models.Index(fields=["supporter_since", "sort_name"], name="signatory_since_sort_name"),
            # A country and a type together (a country's NGOs): their few rows, then sorted,
            # rather than every row of the type read in order to find the country's.
            models.Index(
                fields=["country", "type", "sort_name"], name="signatory_country_type_name"
            ),
            # status=former in the list's order: the few who left, without reading the rest.
            models.Index(
                fields=["sort_name", "id"],
                condition=Q(status="former"),
                name="signatory_former_sort_name",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.derive()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("signatories:detail", args=[self.slug])

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def subregion(self) -> str:
        return subregion_of(self.country.code) if self.country else ""

    @property
    def since_iso(self) -> str | None:
        return dates.iso(self.supporter_since, self.supporter_since_precision)

    @property
    def since_display(self) -> str:
        return dates.display(
            self.supporter_since, self.supporter_since_precision, self.supporter_since_is_bound
        )

    # Django's get_type_display() rebuilds a dict of every choice on each call; a list page
    # shows hundreds of these, so look the label up directly.
    @property
    def type_label(self) -> str:
        return SignatoryType(self.type).label if self.type in SignatoryType.values else self.type

    @property
    def region_label(self) -> str:
        return Region(self.region).label if self.region in Region.values else self.region

    @property
    def since_note(self) -> str:
        """What the date means: the day it joined, a month or a year, or only a bound."""
        return dates.precision_note(self.supporter_since_precision, self.supporter_since_is_bound)

    def country_list_url(self) -> str:
        """The list filtered to this supporter's country."""
        return reverse("signatories:list") + "?" + urlencode({"country": self.country.code})

    def derive(self) -> None:
        """Fill what follows from other fields: region, date truncation, search text."""
        if self.country:
            self.region = region_of(self.country.code) or self.region
        if self.supporter_since:
            self.supporter_since = dates.truncate(
                self.supporter_since, self.supporter_since_precision
            )
        self.twitter = self.twitter.strip().lstrip("@")
        self.sort_name = normalise(self.name)
        self.search_text = search_text_for(self.name, self.aliases, self.type, self.country)

    def clean(self) -> None:
        self.derive()
        if not self.country and not self.region:
            raise ValidationError(
                {"region": _("Choose a region when there is no country (e.g. International).")}
            )
        if self.country and region_of(self.country.code) is None:
            raise ValidationError({"country": _("The UN M49 table has no region for it.")})
        if self.type == SignatoryType.STATE and not self.country:
            raise ValidationError({"country": _("A state needs its country.")})


def search_text_for(name: str, aliases: str, type: str, country) -> str:
    """What `q` matches: the name and aliases, and a state's country name too."""
    parts = [name, aliases]
    if type == SignatoryType.STATE and country:
        parts.append(country.name)
    return normalise(" ".join(part for part in parts if part))


class SourceQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug: str) -> "Source":
        return self.get(slug=slug)

    def articles(self) -> "SourceQuerySet":
        return self.filter(kind=SourceKind.ARTICLE)


class SourceKind(models.TextChoices):
    ARTICLE = "article", _("Article")
    OFFICIAL_LIST = "official-list", _("Official supporters list")
    OFFICIAL_SITE = "official-site", _("The Paris Call's own site")
    IMPORT = "import", _("Imported file")


class Source(models.Model):
    """What a fact comes from: an article, the official supporters list, an import."""

    Kind = SourceKind

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher or author"), max_length=200, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=Precision.choices, default="day"
    )
    date_note = models.CharField(
        _("about the date"),
        max_length=300,
        blank=True,
        help_text=_("What is known of the date when it is not exact."),
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
                condition=Q(kind__in=_choice_values(SourceKind)), name="source_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.date:
            self.date = dates.truncate(self.date, self.date_precision)
        super().save(*args, **kwargs)

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def date_display(self) -> str:
        return dates.display(self.date, self.date_precision)


class MilestoneQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug: str) -> "Milestone":
        return self.get(slug=slug)

    def with_counts(self) -> "MilestoneQuerySet":
        return self.prefetch_related("counts").select_related("source")


class Milestone(models.Model):
    """A total of supporters reported at a date, with its source."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    label = models.CharField(_("label"), max_length=200)
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=Precision.choices, default="day"
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="milestones", verbose_name=_("source")
    )
    total = models.PositiveIntegerField(_("total"), null=True, blank=True)
    total_is_lower_bound = models.BooleanField(_("total is “more than”"), default=False)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()
    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["date", "slug"]

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
                condition=Q(type__in=_choice_values(SignatoryType)),
                name="milestone_count_type_valid",
            ),
        ]

    def __str__(self) -> str:
        bound = "> " if self.is_lower_bound else ""
        return f"{self.get_type_display()}: {bound}{self.count}"

    def natural_key(self) -> tuple:
        return (*self.milestone.natural_key(), self.type)

    natural_key.dependencies = ["signatories.milestone"]


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
        Signatory,
        on_delete=models.CASCADE,
        related_name="citations",
        null=True,
        blank=True,
        verbose_name=_("supporter"),
    )
    milestone = models.ForeignKey(
        Milestone,
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
    passage = models.TextField(_("passage"), help_text=_("Quoted exactly from the source."))
    basis = models.CharField(_("basis"), max_length=10, choices=Basis.choices, default=Basis.STATED)
    reasoning = models.TextField(
        _("reasoning"),
        blank=True,
        help_text=_("How the fact follows from the passage, when it is derived."),
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
                condition=Q(basis__in=_choice_values(CitationBasis)),
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

    def __str__(self) -> str:
        return f"{self.source}: {self.passage[:60]}"

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

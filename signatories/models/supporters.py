"""Supporters: who supports the Call, since when, and whether they still do."""

from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from signatories import dates, links
from signatories.dates import Precision
from signatories.languages.bilingual import Localised
from signatories.languages.collation import SortKeyField, french_sort_key
from signatories.models.names import french_name_for, search_text_for
from signatories.models.queries import LIST_INDEXES, NAME_ORDER, SignatoryQuerySet
from signatories.regions import Region, region_of, subregion_of
from signatories.text import name_key, normalise
from signatories.vocabulary import (
    ORGANISATION_KINDS,
    ReviewFlag,
    SignatoryStatus,
    SignatoryType,
    choice_values,
    http_url_validator,
    validate_no_bidi_controls,
    validate_plain_text,
    validate_twitter_handle,
)


class Signatory(models.Model):
    name = models.CharField(_("name"), max_length=300, validators=[validate_plain_text])
    name_fr = models.CharField(
        _("name in French"),
        max_length=300,
        blank=True,
        help_text=_(
            "Shown on the French pages. A state's is its country's French name, filled in "
            "when left empty."
        ),
        validators=[validate_plain_text],
    )
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
        validators=[validate_plain_text],
        help_text=_("Company, association, university, think tank, foundation, …"),
    )
    aliases = models.CharField(
        _("other names"),
        max_length=500,
        blank=True,
        validators=[validate_plain_text],
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
        _("statement"),
        blank=True,
        validators=[validate_plain_text],
        help_text=_("In the supporter's own words."),
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
    # The French name's French collation key (see signatories.languages.collation): the
    # French pages' name order, identical on SQLite and PostgreSQL.
    sort_name_fr = SortKeyField(max_length=1000, editable=False, default="")
    # The name without case, accents, punctuation or spaces: the natural key's form of it.
    name_key = models.CharField(max_length=300, editable=False, default="")
    review_flag = models.CharField(
        _("flagged for review"),
        max_length=10,
        choices=ReviewFlag.choices,
        blank=True,
        help_text=_(
            "Editors can't delete: flag a duplicate or a wrong record for someone who can."
        ),
    )
    review_note = models.TextField(
        _("why it is flagged"),
        blank=True,
        validators=[validate_plain_text],
        help_text=_("Which record it duplicates, or what is wrong, with the source if any."),
    )
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
        ordering = list(NAME_ORDER)
        # A whole-list import can make anyone a former supporter: not for every editor
        # (the Editors group does not have it; an administrator grants it).
        permissions = [("import_whole_list", _("Can import a file as the whole official list"))]
        constraints = [
            # A state is identified by its country.
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(type="state"),
                name="one_state_per_country",
                violation_error_message=_("There is already a state for this country."),
            ),
            # Names compared without case, accents or punctuation: "abb" is "ABB".
            models.UniqueConstraint(
                fields=["name_key", "country", "type"],
                name="one_supporter_per_name_key_country_type",
                violation_error_message=_(
                    "There is already a supporter of this type with this name and country."
                ),
            ),
            models.CheckConstraint(
                condition=Q(type__in=choice_values(SignatoryType)),
                name="signatory_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(region__in=choice_values(Region)),
                name="signatory_region_valid",
            ),
            models.CheckConstraint(
                condition=~Q(type="state") | ~Q(country=""),
                name="state_has_country",
                violation_error_message=_("A state needs its country."),
            ),
            models.CheckConstraint(
                condition=Q(supporter_since_precision__in=choice_values(Precision)),
                name="signatory_since_precision_valid",
            ),
            models.CheckConstraint(
                condition=Q(review_flag__in=["", *choice_values(ReviewFlag)]),
                name="signatory_review_flag_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=choice_values(SignatoryStatus)),
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
        indexes = LIST_INDEXES

    # The name in the page's language: the French name on a French page when there is one.
    shown_name = Localised("name")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.derive()
        # The words' index is rewritten on post_save (signatories.signals): in one
        # transaction with the row, even outside one.
        with transaction.atomic(using=kwargs.get("using") or router.db_for_write(Signatory)):
            super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return links.detail_path(self.slug)

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
    def kind_label(self) -> str:
        """The organisation kind in the page's language when it is one the directory names."""
        return str(ORGANISATION_KINDS.get(self.kind, self.kind))

    @property
    def region_label(self) -> str:
        return Region(self.region).label if self.region in Region.values else self.region

    @property
    def is_former(self) -> bool:
        return self.status == SignatoryStatus.FORMER

    @property
    def left_display(self) -> str:
        return dates.display(self.left_on, Precision.DAY)

    @property
    def since_note(self) -> str:
        """What the date means: the day it joined, a month or a year, or only a bound."""
        return dates.precision_note(self.supporter_since_precision, self.supporter_since_is_bound)

    def country_list_url(self) -> str:
        """The list filtered to this supporter's country."""
        return links.list_url(country=self.country.code)

    def derive(self) -> None:
        """Fill what follows from other fields: region, date truncation, search text."""
        if self.country:
            self.region = region_of(self.country.code) or self.region
        if self.supporter_since:
            self.supporter_since = dates.truncate(
                self.supporter_since, self.supporter_since_precision
            )
        self.twitter = self.twitter.strip().lstrip("@")
        if not self.name_fr:
            self.name_fr = french_name_for(self.name, self.type, self.country)
        self.sort_name = normalise(self.name)
        self.name_key = name_key(self.name)
        self.sort_name_fr = french_sort_key(self.name_fr or self.name)
        self.search_text = search_text_for(
            self.name, self.aliases, self.type, self.country, self.name_fr
        )

    def clean(self) -> None:
        self.derive()
        errors = self._link_errors()
        if not self.country and not self.region:
            errors["region"] = _("Choose a region when there is no country (e.g. International).")
        if self.country and region_of(self.country.code) is None:
            errors["country"] = _("The UN M49 table has no region for it.")
        if self.type == SignatoryType.STATE and not self.country:
            errors["country"] = _("A state needs its country.")
        if errors:
            raise ValidationError(errors)

    def same_key(self) -> "Signatory | None":
        """Another supporter this one would duplicate (same name key, country and type)."""
        others = Signatory.objects.filter(
            name_key=name_key(self.name), country=self.country, type=self.type
        )
        return others.exclude(pk=self.pk).first() if self.pk else others.first()

    def _link_errors(self) -> dict[str, ValidationError]:
        """The links' checks, here rather than as field validators to keep the schema as is."""
        checks = [
            ("website", validate_no_bidi_controls),
            ("linkedin", validate_no_bidi_controls),
            ("twitter", validate_twitter_handle),
        ]
        errors = {}
        for name, check in checks:
            value = getattr(self, name)
            try:
                if value:
                    check(value)
            except ValidationError as error:
                errors[name] = error
        return errors

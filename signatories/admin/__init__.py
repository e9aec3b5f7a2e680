"""Staff editing: supporters with their citations, sources, milestones; history on all.

Beside this module: the supporters list's `filters`, its `search` (the public search's
normal form), and `history` pages that show choices by their labels. The admin's import
pages are in `signatories.importing.admin`. May import any package below it.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from signatories.admin import search as admin_search
from signatories.admin.filters import CountryInUseFilter, GapFilter, KindInUseFilter
from signatories.admin.history import LabelledHistoryAdmin
from signatories.admin.stale_edits import UnchangedSinceOpenedForm
from signatories.exports import stream
from signatories.importing import report_admin  # noqa: F401 (registers the kept reports)
from signatories.importing.admin import import_view
from signatories.models import (
    Citation,
    Milestone,
    MilestoneCount,
    Signatory,
    Source,
)
from signatories.text import normalise
from signatories.vocabulary import ORGANISATION_KINDS

# A website typed without a scheme is taken as https://, as Django 6 will do.
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class CitedFormSet(BaseInlineFormSet):
    """A new supporter is added with at least one citation: every record cites its source."""

    def clean(self):
        super().clean()
        if self.instance.pk is not None or not isinstance(self.instance, Signatory):
            return
        cited = [
            form
            for form in self.forms
            if form.has_changed() and not (self.can_delete and self._should_delete_form(form))
        ]
        if not cited:
            raise ValidationError(
                _(
                    "Add at least one citation: the source that says this supporter supports "
                    "the Call, and its passage."
                )
            )


class CitationInline(admin.StackedInline):
    model = Citation
    formset = CitedFormSet
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "passage", "basis", "reasoning"]


@admin.action(description=_("Export the selected supporters as CSV"))
def export_csv(modeladmin, request, queryset):
    return stream.csv_response(queryset.by_name())


def _kind_choices(current: str) -> list[tuple[str, str]]:
    """The directory's organisation kinds by their labels, and a recorded kind it doesn't
    name (kept as it is, so that saving never changes it)."""
    kinds = sorted(
        ((kind, str(label)) for kind, label in ORGANISATION_KINDS.items()),
        key=lambda pair: normalise(pair[1]),
    )
    if current and current not in ORGANISATION_KINDS:
        kinds.append((current, current))
    return [("", "---------"), *kinds]


class SignatoryForm(UnchangedSinceOpenedForm):
    """Region is derived from the country: shown read-only, saying so, when there is one.
    A save over a record changed since the page was opened is refused (stale_edits)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            self.fields["kind"].widget = forms.Select(choices=_kind_choices(self.instance.kind))
        if self.instance.country and "region" in self.fields:
            self.fields["region"].disabled = True
            self.fields["region"].help_text = _(
                "Derived from the country (%(country)s), so it can't be set here: change the "
                "country, or remove it to choose a region."
            ) % {"country": self.instance.country.name}

    def validate_unique(self):
        """The natural key's clash as one message, linking to the record already there."""
        super().validate_unique()
        if any(name in self.errors for name in ("name", "country", "type")):
            return
        other = self.instance.same_key()
        if other is not None:
            url = reverse("admin:signatories_signatory_change", args=[other.pk])
            self.add_error(
                "name",
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("There is already a supporter of this type with this name and country:"),
                    url,
                    other.name,
                ),
            )


@admin.register(Signatory)
class SignatoryAdmin(LabelledHistoryAdmin):
    form = SignatoryForm
    list_display = ["name", "type", "country", "since_display", "status"]
    list_filter = [
        "status",
        "type",
        KindInUseFilter,
        "region",
        CountryInUseFilter,
        GapFilter,
        "review_flag",
    ]
    search_fields = ["name", "aliases", "slug"]
    search_help_text = _(
        "Names in both languages, other names, country names and codes; case and accents "
        "don't matter."
    )
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "supporter_since"
    inlines = [CitationInline]
    autocomplete_fields = ["left_source"]
    actions = [export_csv]
    readonly_fields = ["events_on_the_list", "created", "updated"]
    list_per_page = 100
    formfield_overrides = URL_FIELD_OVERRIDES
    fieldsets = [
        (
            None,
            {"fields": ["name", "name_fr", "slug", "type", "country", "region", "kind", "aliases"]},
        ),
        (
            _("Supporter since"),
            {
                "fields": [
                    "supporter_since",
                    "supporter_since_precision",
                    "supporter_since_is_bound",
                ]
            },
        ),
        (
            _("On the official list"),
            {
                "fields": ["status", "left_on", "left_source", "events_on_the_list"],
                "description": _(
                    "A former supporter is no longer on the official list: give the date of "
                    "the first list without it, and that list as the source."
                ),
            },
        ),
        (
            _("Online and in its own words"),
            {"fields": ["website", "twitter", "linkedin", "statement"]},
        ),
        (
            _("Review"),
            {
                "fields": ["review_flag", "review_note"],
                "description": _(
                    "A duplicate or a wrong record: flag it, and someone with delete "
                    "permission will merge or remove it."
                ),
            },
        ),
        # Shown after the citations (see the change form's template).
        (_("Record"), {"fields": ["created", "updated", "opened"]}),
    ]

    @admin.display(description=_("Events on the official list"))
    def events_on_the_list(self, signatory: Signatory) -> str:
        """Its history on the official list (`load_official_history`), read-only: each event
        with its date, what changed and the commit that shows it."""
        events = signatory.events.select_related("source").order_by("date", "id")
        rows = format_html_join(
            "",
            '<li>{} · {}{} · <a href="{}">{}</a></li>',
            (
                (
                    date_format(event.date, "j F Y"),
                    event.get_kind_display(),
                    "".join(
                        f" · {label} : {old} → {new}" for label, old, new in event.changed_fields()
                    ),
                    event.source.url,
                    event.commit[:7],
                )
                for event in events
            ),
        )
        return format_html("<ul>{}</ul>", rows) if rows else "—"

    def get_search_results(self, request, queryset, search_term):
        """The public search's normal form: accent- and case-blind, names in both
        languages, other names, and country names and codes."""
        if not search_term.strip():
            return queryset, False
        return admin_search.matching(queryset, search_term), False

    @admin.display(description=_("supporter since"), ordering="supporter_since")
    def since_display(self, signatory: Signatory) -> str:
        return signatory.since_display

    def get_urls(self):
        view = self.admin_site.admin_view(lambda request: import_view(self, request))
        return [
            path("import/", view, name="signatories_signatory_import"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        can_import = self.has_add_permission(request) and self.has_change_permission(request)
        return super().changelist_view(
            request, extra_context={"can_import": can_import, **(extra_context or {})}
        )


class SourceForm(forms.ModelForm):
    class Meta:
        help_texts = {
            "kind": _(
                "An article (press, official statement), the official supporters list (the "
                "spreadsheet), the Paris Call's own site, or a file imported here."
            ),
            "url": _("Where the source can be read: the article's or the page's address."),
        }


@admin.register(Source)
class SourceAdmin(LabelledHistoryAdmin):
    form = SourceForm
    # The title first: the slug follows from it (a pop-up from a citation opens on it).
    fields = [
        "title",
        "slug",
        "kind",
        "publisher",
        "date",
        "date_precision",
        "date_note",
        "url",
        "covers_whole_list",
    ]
    list_display = ["title", "kind", "publisher", "date_display"]
    list_filter = ["kind"]
    search_fields = ["title", "publisher", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    formfield_overrides = URL_FIELD_OVERRIDES

    @admin.display(description=_("date"), ordering="date")
    def date_display(self, source: Source) -> str:
        return source.date_display


class MilestoneCountInline(admin.TabularInline):
    model = MilestoneCount
    extra = 0


class MilestoneCitationInline(CitationInline):
    fk_name = "milestone"


@admin.register(Milestone)
class MilestoneAdmin(LabelledHistoryAdmin):
    list_display = ["label", "date", "total", "source"]
    search_fields = ["label", "slug"]
    prepopulated_fields = {"slug": ["label"]}
    autocomplete_fields = ["source"]
    inlines = [MilestoneCountInline, MilestoneCitationInline]


@admin.register(Citation)
class CitationAdmin(LabelledHistoryAdmin):
    list_display = ["source", "signatory", "milestone", "principle", "basis"]
    list_filter = ["basis", "source"]
    search_fields = ["passage", "signatory__name", "source__title"]
    autocomplete_fields = ["source", "signatory", "milestone", "principle"]
    list_select_related = ["source", "signatory", "milestone", "principle"]


def _changed(event) -> str:
    """ " · field: old → new" for each field a correction or a rename changed."""
    return "".join(
        " · " + gettext("%(field)s: %(old)s → %(new)s") % {"field": label, "old": old, "new": new}
        for label, old, new in event.changed_fields()
    )

"""Staff editing: supporters with their citations, sources, milestones; history on all."""

from django.contrib import admin
from django.db import models
from django.urls import path
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from signatories.exports import stream
from signatories.importing.admin import import_view
from signatories.models import Citation, Milestone, MilestoneCount, Signatory, Source
from signatories.stale_edits import UnchangedSinceOpenedForm

# A website typed without a scheme is taken as https://, as Django 6 will do.
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class CitationInline(admin.StackedInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "passage", "basis", "reasoning"]


@admin.action(description=_("Export the selected supporters as CSV"))
def export_csv(modeladmin, request, queryset):
    return stream.csv_response(queryset.by_name())


@admin.register(Signatory)
class SignatoryAdmin(SimpleHistoryAdmin):
    # A change saved over a record changed since the page was opened is refused.
    form = UnchangedSinceOpenedForm
    list_display = ["name", "type", "country", "region", "since_display", "status"]
    list_filter = ["status", "type", "region", "country"]
    search_fields = ["name", "aliases", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "supporter_since"
    inlines = [CitationInline]
    autocomplete_fields = ["left_source"]
    actions = [export_csv]
    readonly_fields = ["created", "updated"]
    list_per_page = 100
    formfield_overrides = URL_FIELD_OVERRIDES
    fieldsets = [
        (None, {"fields": ["name", "slug", "type", "country", "region", "kind", "aliases"]}),
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
                "fields": ["status", "left_on", "left_source"],
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
        (_("Record"), {"fields": ["created", "updated", "opened"]}),
    ]

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


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
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
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["label", "date", "total", "source"]
    search_fields = ["label", "slug"]
    prepopulated_fields = {"slug": ["label"]}
    autocomplete_fields = ["source"]
    inlines = [MilestoneCountInline, MilestoneCitationInline]


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "signatory", "milestone", "principle", "basis"]
    list_filter = ["basis", "source"]
    search_fields = ["passage", "signatory__name", "source__title"]
    autocomplete_fields = ["source", "signatory", "milestone", "principle"]
    list_select_related = ["source", "signatory", "milestone", "principle"]

"""The admin's kept import reports: what each import from the admin did, with links to the
supporters it created and updated. Read-only: a report is a record of what happened."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from signatories.importing.report import Report
from signatories.models import ImportReport

TEMPLATE = "admin/signatories/importreport/report.html"
PROBLEMS_ONLY = "problems"


@admin.register(ImportReport)
class ImportReportAdmin(admin.ModelAdmin):
    list_display = ["filename", "user", "created", "summary"]
    list_select_related = ["user"]
    date_hierarchy = "created"

    @admin.display(description=_("outcome"))
    def summary(self, kept: ImportReport) -> str:
        return ", ".join(phrase for _outcome, phrase in Report.from_data(kept.data).count_phrases)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        kept = self.get_object(request, object_id)
        if kept is None or not self.has_view_permission(request, kept):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": kept,
            "title": _("Import of %(filename)s") % {"filename": kept.filename},
            "report": Report.from_data(kept.data),
            "stored": True,
            "problems_only": request.GET.get("show") == PROBLEMS_ONLY,
            "preview_rows": None,
        }
        return TemplateResponse(request, TEMPLATE, context)

"""The admin's "Import supporters" page: upload, preview what each row would do, confirm.

Between the preview and the confirmation the upload waits as a file on disk (`uploads`),
under a random token that only the staff member who uploaded it can use; confirming
validates everything again. The admin imports files of up to `MAX_ROWS` rows (10,000 rows
took 33 s on a busy two-core machine, well within the documented 300 s worker timeout;
the official list has about 1,200); a larger file is refused at the preview, with a
pointer to the command line, rather than started and cut off by the server's timeout.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from signatories.importing import ImportFileError, Report, import_file, uploads
from signatories.models import ImportReport, Signatory

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A whole list that would make more than this share of the current supporters former
# (a one-row "whole list" would de-list everyone) asks for an explicit confirmation.
MAX_LEAVING_SHARE = 0.10
WHOLE_LIST_PERMISSION = "signatories.import_whole_list"
MAX_ROWS = 10_000
MAX_FILENAME = 200
PREVIEW_ROWS = 2000
TEMPLATE = "admin/signatories/signatory/import.html"
PROBLEMS_ONLY = "problems"  # ?show=problems: only the rejected and warned rows


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "The official supporters spreadsheet saved as CSV (UTF-8), or this site's own "
            "CSV export."
        ),
    )
    full_list = forms.BooleanField(
        label=_("This file is the whole official list"),
        required=False,
        help_text=_(
            "Supporters that an earlier whole list had and this one lacks become former "
            "supporters as of the list's date."
        ),
    )
    as_of = forms.DateField(
        label=_("The list's date"),
        required=False,
        help_text=_("YYYY-MM-DD. By default the date in the file's name, else today."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if len(upload.name) > MAX_FILENAME:
            raise forms.ValidationError(
                _("The file’s name is longer than %(max)d characters: rename it and upload it.")
                % {"max": MAX_FILENAME}
            )
        return upload


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=100)
    skip_invalid = forms.BooleanField(
        label=_("Skip invalid rows (import the valid rows even if some are rejected)"),
        required=False,
    )
    confirm_leaving = forms.BooleanField(
        label=_("Yes: every supporter listed above as not on this list becomes a former supporter"),
        required=False,
    )


def _leaves_too_many(report: Report) -> bool:
    """Would this whole list make more than MAX_LEAVING_SHARE of the supporters former?"""
    current = Signatory.objects.current().count()
    return bool(report.leaving) and len(report.leaving) > MAX_LEAVING_SHARE * current


def import_view(model_admin, request):
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import supporters"),
        "preview_rows": PREVIEW_ROWS,
    }
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, context)
    if request.method == "GET" and "token" in request.GET:
        return _preview_again(request, context)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["full_list"] and not request.user.has_perm(WHOLE_LIST_PERMISSION):
            form.add_error("full_list", _WHOLE_LIST_REFUSED)
        else:
            return _preview(request, context, form)
    context["form"] = form
    return TemplateResponse(request, TEMPLATE, context)


_WHOLE_LIST_REFUSED = _(
    "You may not import a file as the whole official list: it can make any supporter a "
    "former one. Ask an administrator for the permission, or import it as a plain file."
)


def _preview(request, context, form: UploadForm):
    upload = form.cleaned_data["file"]
    options = {"full_list": form.cleaned_data["full_list"], "as_of": form.cleaned_data["as_of"]}
    pending = uploads.keep(upload, user=request.user.pk, **options)
    try:
        report = _run(pending, request.user, dry_run=True)
    except ImportFileError as error:
        uploads.forget(pending.token)
        form.add_error("file", str(error))
        context["form"] = form
        return TemplateResponse(request, TEMPLATE, context)
    uploads.keep_preview(pending.token, report.to_data())
    context.update(
        report=report,
        confirm_form=ConfirmForm(initial={"token": pending.token}),
        confirm_leaving=_leaves_too_many(report),
    )
    context.update(token=pending.token)
    return TemplateResponse(request, TEMPLATE, context)


def _preview_again(request, context):
    """The waiting upload's preview, all rows or the problem rows only (`?show=problems`)."""
    token = request.GET["token"]
    data = uploads.preview(token, user=request.user.pk)
    if data is None:
        messages.error(
            request, _("That upload has expired or is not yours: upload the file again.")
        )
        return redirect("admin:signatories_signatory_import")
    context.update(
        report=Report.from_data(data),
        confirm_form=ConfirmForm(initial={"token": token}),
        token=token,
        problems_only=request.GET.get("show") == PROBLEMS_ONLY,
        confirm_leaving=_leaves_too_many(Report.from_data(data)),
    )
    return TemplateResponse(request, TEMPLATE, context)


def _run(pending: uploads.Pending, user, **options) -> Report:
    return import_file(
        str(pending.path),
        filename=pending.filename,
        user=user,
        full_list=pending.full_list,
        as_of=pending.as_of,
        max_rows=MAX_ROWS,
        **options,
    )


def _confirm(request, context):
    form = ConfirmForm(request.POST)
    token = form.cleaned_data["token"] if form.is_valid() else ""
    state = uploads.state(token, user=request.user.pk)
    if state == uploads.State.IMPORTED:
        messages.info(request, _("That file was already imported: nothing more was written."))
        return redirect("admin:signatories_signatory_changelist")
    if state == uploads.State.IMPORTING:
        messages.info(request, _("That file is being imported already."))
        return redirect("admin:signatories_signatory_changelist")
    if state != uploads.State.WAITING:
        messages.error(
            request, _("That upload has expired or is not yours: upload the file again.")
        )
        return redirect("admin:signatories_signatory_import")
    if "cancel" in request.POST:
        uploads.forget(token)
        messages.info(request, _("Import cancelled: nothing was written."))
        return redirect("admin:signatories_signatory_changelist")
    with uploads.claimed(token) as pending:
        if pending is None:  # another click is importing it right now
            messages.info(request, _("That file is being imported already."))
            return redirect("admin:signatories_signatory_changelist")
        if pending.full_list and not request.user.has_perm(WHOLE_LIST_PERMISSION):
            raise PermissionDenied
        if pending.full_list and not form.cleaned_data["confirm_leaving"]:
            refused = _unconfirmed_leaving(request, context, form, pending)
            if refused is not None:
                return refused
        try:
            report = _run(pending, request.user, skip_invalid=form.cleaned_data["skip_invalid"])
        except ImportFileError as error:  # e.g. a newer whole list was imported meanwhile
            messages.error(request, str(error))
            return redirect("admin:signatories_signatory_import")
        if report.written:
            pending.imported = True
    return _after_confirm(request, context, form, report)


def _unconfirmed_leaving(request, context, form, pending):
    """The preview again, asking to confirm, when the list would make too many former."""
    try:
        report = _run(pending, request.user, dry_run=True)
    except ImportFileError:
        return None  # the import itself says what is wrong
    if not _leaves_too_many(report):
        return None
    form.add_error(
        "confirm_leaving",
        _(
            "This list would make %(leaving)d of the %(current)d current supporters former "
            "supporters: tick the box to confirm that this is the whole official list."
        )
        % {"leaving": len(report.leaving), "current": Signatory.objects.current().count()},
    )
    context.update(report=report, confirm_form=form, confirm_leaving=True, token=pending.token)
    return TemplateResponse(request, TEMPLATE, context)


def _after_confirm(request, context, form, report: Report):
    if report.written:
        kept = _keep_report(request.user, report)
        summary = ", ".join(phrase for _outcome, phrase in report.count_phrases)
        if report.full_list:
            summary += ", " + ngettext(
                "%(count)d no longer on the list",
                "%(count)d no longer on the list",
                len(report.leaving),
            ) % {"count": len(report.leaving)}
        messages.success(
            request,
            _("Imported %(filename)s: %(summary)s.")
            % {"filename": report.filename, "summary": summary},
        )
        return redirect(reverse("admin:signatories_importreport_change", args=[kept.pk]))
    rejected = report.counts["rejected"]
    messages.error(
        request,
        ngettext(
            "Nothing was written: %(rejected)d row was rejected. Fix it, or tick "
            "“Skip invalid rows” to import the valid rows.",
            "Nothing was written: %(rejected)d rows were rejected. Fix them, or tick "
            "“Skip invalid rows” to import the valid rows.",
            rejected,
        )
        % {"rejected": rejected},
    )
    context.update(report=report, confirm_form=form, token=form.cleaned_data["token"])
    return TemplateResponse(request, TEMPLATE, context)


def _keep_report(user, report: Report) -> ImportReport:
    """The report, kept for staff to come back to, and the import in "Recent actions"."""
    kept = ImportReport.objects.create(filename=report.filename, user=user, data=report.to_data())
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(ImportReport),
        object_id=str(kept.pk),
        object_repr=str(kept)[:200],
        action_flag=ADDITION,
        change_message=", ".join(phrase for _outcome, phrase in report.count_phrases),
    )
    return kept

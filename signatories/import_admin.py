"""The admin's "Import supporters" page: upload, preview what each row would do, confirm.

Between the preview and the confirmation the uploaded file waits in Django's cache (the
database's cache table by default, shared by every app server) under a random token that
only the staff member who uploaded it can use; confirming validates everything again.
"""

import secrets

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from signatories.importer import ImportFileError, import_bytes

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
KEEP_SECONDS = 60 * 60
PREVIEW_ROWS = 2000


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "The official supporters spreadsheet saved as CSV (UTF-8), or this site's own "
            "CSV export."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=100)
    skip_invalid = forms.BooleanField(
        label=_("Skip invalid rows (import the valid rows even if some are rejected)"),
        required=False,
    )


def _cache_key(token: str) -> str:
    return f"signatories:import-upload:{token}"


def import_view(model_admin, request):
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    changelist = reverse("admin:signatories_signatory_changelist")
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import supporters"),
        "preview_rows": PREVIEW_ROWS,
    }
    if request.method == "POST" and "token" in request.POST:
        return _confirm(model_admin, request, context, changelist)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            report = import_bytes(content, upload.name, dry_run=True, user=request.user)
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            token = secrets.token_urlsafe(32)
            cache.set(
                _cache_key(token),
                {"content": content, "filename": upload.name, "user": request.user.pk},
                timeout=KEEP_SECONDS,
            )
            context.update(report=report, confirm_form=ConfirmForm(initial={"token": token}))
            return TemplateResponse(request, "admin/signatories/signatory/import.html", context)
    context["form"] = form
    return TemplateResponse(request, "admin/signatories/signatory/import.html", context)


def _confirm(model_admin, request, context, changelist):
    form = ConfirmForm(request.POST)
    upload = cache.get(_cache_key(request.POST.get("token", ""))) if form.is_valid() else None
    if upload is None or upload["user"] != request.user.pk:
        messages.error(
            request, _("That upload has expired or is not yours: upload the file again.")
        )
        return redirect("admin:signatories_signatory_import")
    key = _cache_key(form.cleaned_data["token"])
    if "cancel" in request.POST:
        cache.delete(key)
        messages.info(request, _("Import cancelled: nothing was written."))
        return redirect(changelist)
    try:
        report = import_bytes(
            upload["content"],
            upload["filename"],
            skip_invalid=form.cleaned_data["skip_invalid"],
            user=request.user,
        )
    except ImportFileError as error:  # not expected: the preview read the same file
        cache.delete(key)
        messages.error(request, str(error))
        return redirect("admin:signatories_signatory_import")
    if report.written:
        cache.delete(key)
        counts = report.counts
        messages.success(
            request,
            _(
                "Imported %(filename)s: %(created)d created, %(updated)d updated, "
                "%(unchanged)d unchanged, %(rejected)d rejected rows skipped."
            )
            % {"filename": report.filename, **counts},
        )
        return redirect(changelist)
    messages.error(
        request,
        _(
            "Nothing was written: %(rejected)d rows were rejected. Fix them, or tick "
            "“Skip invalid rows” to import the valid rows."
        )
        % {"rejected": len(report.rejected)},
    )
    context.update(report=report, confirm_form=form)
    return TemplateResponse(request, "admin/signatories/signatory/import.html", context)

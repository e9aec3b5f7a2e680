"""Import reports: what an import written from the admin did, kept for staff to come back to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportReport(models.Model):
    """An import's report as plain data (`signatories.importing.Report.to_data`)."""

    filename = models.CharField(_("file"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("imported by"),
    )
    created = models.DateTimeField(_("imported on"), auto_now_add=True)
    data = models.JSONField(_("report"), default=dict)

    class Meta:
        verbose_name = _("import report")
        verbose_name_plural = _("import reports")
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return self.filename

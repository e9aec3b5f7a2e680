from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignatoriesConfig(AppConfig):
    name = "signatories"
    verbose_name = _("Directory")

    def ready(self) -> None:
        from signatories import signals  # noqa: F401  (connects the receivers)

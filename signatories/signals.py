"""Every change to a supporter, from admin, an import or code, makes cached counts stale."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from signatories.models import Signatory
from signatories.models.revision import bump_revision


@receiver(post_save, sender=Signatory, dispatch_uid="signatories_saved")
@receiver(post_delete, sender=Signatory, dispatch_uid="signatories_deleted")
def signatory_changed(sender, **kwargs) -> None:
    bump_revision()

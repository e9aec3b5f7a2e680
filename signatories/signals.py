"""Every change to a supporter or to its alliances, from admin, an import or code, makes
cached counts stale; a saved supporter's words are indexed again (a deleted one's go with
it, by cascade). Bulk writes, which send no signals, raise the revision and call
`signatories.models.word_index.reindex` themselves."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from signatories.models import Signatory, SignatoryAlliance
from signatories.models.revision import bump_revision
from signatories.models.word_index import reindex


@receiver(post_save, sender=Signatory, dispatch_uid="signatories_saved")
@receiver(post_delete, sender=Signatory, dispatch_uid="signatories_deleted")
@receiver(post_save, sender=SignatoryAlliance, dispatch_uid="signatories_alliance_saved")
@receiver(post_delete, sender=SignatoryAlliance, dispatch_uid="signatories_alliance_deleted")
def signatory_changed(sender, **kwargs) -> None:
    bump_revision()


@receiver(post_save, sender=Signatory, dispatch_uid="signatories_words")
def signatory_saved(sender, instance: Signatory, using: str, **kwargs) -> None:
    reindex([instance], using=using)

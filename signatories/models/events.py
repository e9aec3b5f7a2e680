"""The official list's history: what happened to a supporter's entry, and when.

Each `SignatoryEvent` is one row of the derived history (`data/official-history.csv`): an
entry listed, delisted, relisted, corrected or renamed by a commit of the official site's
repository. Every event cites its commit (a `Source` of kind `official-repository`, one per
commit) through the supporter's `Citation` of that source. `SignatoryAlliance` keeps what
the list's first spreadsheet says of another initiative a supporter belongs to.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories.vocabulary import ORGANISATION_KINDS, SignatoryType, choice_values

REPOSITORY = "https://github.com/ambanum/pariscall.international"
# The change reason of every history record the history's load writes: the changes page
# shows the events themselves, never these records of them.
HISTORY_REASON = "Official list history"


def commit_url(commit: str) -> str:
    return f"{REPOSITORY}/commit/{commit}"


class EventKind(models.TextChoices):
    LISTED = "listed", _("Listed")
    DELISTED = "delisted", _("Delisted")
    RELISTED = "relisted", _("Relisted")
    CORRECTED = "corrected", _("Corrected")
    RENAMED = "renamed", _("Renamed")


class SignatoryEvent(models.Model):
    """One event of a supporter's entry on the official list, at the date of its commit."""

    Kind = EventKind

    signatory = models.ForeignKey(
        "Signatory",
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("supporter"),
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind of event"), max_length=10, choices=EventKind.choices)
    commit = models.CharField(_("commit"), max_length=40)
    # The derivation's identity of the entry across re-filings (its last file name).
    entry = models.CharField(_("entry"), max_length=300)
    # The entry's fields in the directory's terms: name, type, country (alpha-2), kind.
    before = models.JSONField(_("fields before"), default=dict, blank=True)
    after = models.JSONField(_("fields after"), default=dict, blank=True)
    source = models.ForeignKey(
        "Source", on_delete=models.PROTECT, related_name="events", verbose_name=_("source")
    )
    citation = models.ForeignKey(
        "Citation", on_delete=models.PROTECT, related_name="events", verbose_name=_("citation")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("event on the official list")
        verbose_name_plural = _("events on the official list")
        ordering = ["-date", "-id"]
        constraints = [
            # One row of the history is one event: what makes the loader idempotent.
            models.UniqueConstraint(
                fields=["commit", "entry", "kind"], name="one_event_per_commit_entry_kind"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=choice_values(EventKind)), name="event_kind_valid"
            ),
        ]
        indexes = [
            # /changes/, newest first: the events' part of the union, read in date order.
            models.Index(fields=["-date", "-id"], name="event_newest_first"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.kind} {self.signatory_id}"

    def changed_fields(self) -> list[tuple[str, str, str]]:
        """(label, old, new) of each field a correction or a rename changed, as shown."""
        if not self.before:
            return []
        return [
            (str(EVENT_FIELDS[name]), _shown(name, self.before.get(name, "")), _shown(name, new))
            for name, new in self.after.items()
            if name in EVENT_FIELDS and self.before.get(name, "") != new
        ]


EVENT_FIELDS = {
    "name": _("name"),
    "type": _("type"),
    "country": _("country"),
    "kind": _("organisation kind"),
}


def _shown(name: str, value: str) -> str:
    if name == "type" and value in SignatoryType.values:
        return str(SignatoryType(value).label)
    if name == "country" and value:
        return str(countries.name(value)) or value
    if name == "kind" and value:
        return str(ORGANISATION_KINDS.get(value, value))
    return value


class Alliance(models.TextChoices):
    CYBER_TECH_ACCORD = "cyber-tech-accord", _("Cybersecurity Tech Accord")
    CHARTER_OF_TRUST = "charter-of-trust", _("Charter of Trust")


class SignatoryAlliance(models.Model):
    """A supporter's membership of another initiative, as the official list marked it."""

    signatory = models.ForeignKey(
        "Signatory",
        on_delete=models.CASCADE,
        related_name="alliances",
        verbose_name=_("supporter"),
    )
    alliance = models.CharField(_("alliance"), max_length=20, choices=Alliance.choices)
    citation = models.ForeignKey(
        "Citation", on_delete=models.PROTECT, related_name="alliances", verbose_name=_("citation")
    )

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")
        ordering = ["alliance", "signatory_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["signatory", "alliance"], name="one_membership_per_alliance"
            ),
            models.CheckConstraint(
                condition=Q(alliance__in=choice_values(Alliance)), name="alliance_valid"
            ),
        ]
        indexes = [
            # The list's `alliance` filter: the members of one alliance.
            models.Index(fields=["alliance", "signatory"], name="alliance_members"),
        ]

    def __str__(self) -> str:
        return f"{self.signatory_id} {self.alliance}"

    @property
    def label(self) -> str:
        return Alliance(self.alliance).label

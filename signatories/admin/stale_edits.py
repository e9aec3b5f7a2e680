"""An admin change form refuses to save over a record that changed since it was opened.

An editor opens a supporter, an import (or another editor) changes it, and the editor's
save wrote back every field of the page as it was when opened: the import's changes were
silently undone. So the form carries, hidden, the record's `updated` time and its latest
history record as they were when the page was drawn; on save, the record is read again
(locked until the save commits, on PostgreSQL) and a different `updated` refuses the form,
naming the fields changed meanwhile (from the history) so the editor can open it again.
The change page always sends the token; a POST without one (a script) is not checked.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class UnchangedSinceOpenedForm(forms.ModelForm):
    opened = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["opened"].initial = _token(self.instance)

    def clean(self):
        cleaned = super().clean()
        opened = self.data.get(self.add_prefix("opened"), "")
        if not self.instance.pk or not opened:  # a new record; a form not from the page
            return cleaned
        model = type(self.instance)
        current = model.objects.select_for_update().filter(pk=self.instance.pk).first()
        if current is None or opened == _token(current):
            return cleaned
        changed = _changed_since(current, opened) or [_("a field")]
        raise forms.ValidationError(
            _(
                "This record was changed since you opened it (%(fields)s): nothing was saved. "
                "Open it again to see the changes, then make yours."
            ),
            code="stale",
            params={"fields": ", ".join(str(name) for name in changed)},
        )


def _token(record) -> str:
    latest = record.history.order_by("-history_id").values_list("history_id", flat=True).first()
    return f"{latest or 0} {record.updated.isoformat()}"


def _changed_since(record, opened: str) -> list[str]:
    """The names of the fields the history shows changed after the token's history record."""
    first, _space, _updated = opened.partition(" ")
    if not first.isdigit():
        return []
    records = list(record.history.filter(history_id__gte=int(first)).order_by("history_id"))
    names: dict[str, None] = {}
    for before, after in zip(records, records[1:], strict=False):
        for change in after.diff_against(before).changes:
            names[str(record._meta.get_field(change.field).verbose_name)] = None
    return list(names)

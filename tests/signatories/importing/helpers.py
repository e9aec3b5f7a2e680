"""Shared helpers for the import tests: small official-list files, run and dumped."""

import io

from django.core import serializers
from django.core.management import call_command

from signatories.importing import import_file
from signatories.models import Citation, Signatory, Source

OFFICIAL_HEADER = (
    "name,category,nationality,nature,website,twitter,linkedin,date_signed,first_listed,statement"
)


def official(*rows: str) -> str:
    return "\n".join([OFFICIAL_HEADER, *rows]) + "\n"


def write(tmp_path, text: str, name: str = "official-supporters.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(path)


def run(tmp_path, text, *options, name="official-supporters.csv") -> str:
    out = io.StringIO()
    call_command("import_signatories", write(tmp_path, text, name), *options, stdout=out)
    return out.getvalue()


def import_(tmp_path, text, **options):
    return import_file(write(tmp_path, text), **options)


def dump() -> str:
    """Every row the import could touch, in a stable order."""
    querysets = [
        Signatory.objects.order_by("pk"),
        Signatory.history.order_by("pk"),
        Citation.objects.order_by("pk"),
        Citation.history.order_by("pk"),
        Source.objects.order_by("pk"),
    ]
    return "\n".join(serializers.serialize("json", queryset) for queryset in querysets)

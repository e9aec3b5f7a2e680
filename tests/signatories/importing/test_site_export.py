"""The site's own export read back, and a large file in bounded memory."""

import contextlib
import csv
import datetime
import tracemalloc
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from signatories.columns import REQUIRED_ON_IMPORT as EXPORT_HEADER_WITHOUT_STATUS
from signatories.importing import import_file
from signatories.models import Citation, Signatory
from tests.factories import SignatoryFactory, StateFactory
from tests.signatories.importing.helpers import import_, official

pytestmark = pytest.mark.django_db


def _export(client) -> str:
    """The file a visitor downloads from /signatories.csv."""
    return b"".join(client.get(reverse("signatories:csv")).streaming_content).decode()


def _every_kind_of_value():
    """Supporters with every kind of value an export holds: dates of each precision and
    bound, quotes, line breaks, other scripts, no country, links, two of one name."""
    StateFactory(country="JP", supporter_since=datetime.date(2018, 11, 12))
    StateFactory(
        country="GB",
        name="United Kingdom",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    SignatoryFactory(
        name="Société « Générale » — Œuvre",
        slug="societe-generale-oeuvre",
        type="private-sector",
        country="FR",
        kind="company",
        website="https://societe.example/fr?a=1&b=2",
        twitter="societe_fr",
        linkedin="https://www.linkedin.com/company/societe/",
        statement='We support it, "fully", and say so:\non two lines, with 日本語 too.',
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="year",
        supporter_since_is_bound=True,
    )
    SignatoryFactory(
        name="INTERPOL", type="public-authority", country="", region="international", kind=""
    )
    SignatoryFactory(name="European Union", type="public-authority", country="", region="europe")
    SignatoryFactory(name="Bare", kind="", country="BR")
    SignatoryFactory(
        name="Acme",
        slug="acme-1",
        country="DE",
        type="private-sector",
        supporter_since=datetime.date(2021, 11, 11),
    )
    SignatoryFactory(name="Acme", slug="acme-2", country="DE", type="civil-society")


def test_export_then_import_into_an_empty_database_then_export_gives_the_same_file(
    tmp_path, client
):
    _every_kind_of_value()
    exported = _export(client)
    Signatory.objects.all().delete()

    report = import_(tmp_path, exported)
    assert report.counts["created"] == 8
    assert not report.warned
    assert not report.rejected
    assert _export(client) == exported


def _export_file(path: Path, first: int, count: int) -> Path:
    """An export of `count` made-up companies, numbered from `first`."""
    codes = ["FR", "DE", "US", "JP", "BR", "KE", "AU", "IN", "CA", "ZA"]
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(EXPORT_HEADER_WITHOUT_STATUS)
        for number in range(first, first + count):
            writer.writerow(
                [
                    f"Organisation {number}",
                    f"organisation-{number}",
                    "private-sector",
                    codes[number % 10],
                    "",
                    "company",
                    f"https://org{number}.example",
                    "",
                    "",
                    "We support the Call, fully." if number % 3 == 0 else "",
                    "2019-01" if number % 2 else "",
                    "true" if number % 2 else "false",
                ]
            )
    return path


def _import_peak(path: Path) -> int:
    """The importer's peak working memory for this file, in bytes."""
    database_before = _sqlite_in_memory_size()
    with _peak_memory() as peak:
        report = import_file(str(path))
    assert report.written
    # On SQLite the test database lives in this process's memory: what it grew by is data,
    # not the importer's working memory.
    return peak() - (_sqlite_in_memory_size() - database_before)


def test_an_import_s_memory_grows_by_a_bounded_amount_per_row(tmp_path):
    # Only the supporters' keys and a short result per row stay in memory (about 1.5 kB a
    # row); the rows themselves are read, checked and written 500 at a time. A file six
    # times larger may cost only that much more per extra row.
    # (`make bench` imports 50,000 rows and reports the peak.)
    # A first import warms the allocator, so that the two measured start alike.
    _import_peak(_export_file(tmp_path / "warm.csv", 0, 500))
    small = _import_peak(_export_file(tmp_path / "small.csv", 500, 500))
    large = _import_peak(_export_file(tmp_path / "large.csv", 1_000, 3_000))
    assert Signatory.objects.count() == 4_000
    assert Citation.objects.count() == 4_000
    per_row = (large - small) / 2_500
    # Measured here: about 5 kB a row at these sizes (1.5 kB at 50,000, once the fixed
    # costs are spread); a row's whole record kept to the end would cost several times more.
    assert per_row < 8 * 1024, f"{per_row / 1024:.1f} kB per row ({small=}, {large=})"


@contextlib.contextmanager
def _peak_memory():
    """How much the process's memory grew at most (bytes): Linux's peak resident set size
    (reset first), or, where it can't be reset, tracemalloc's peak (exact, several times
    slower)."""
    peak = [0]
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        tracemalloc.start()
        try:
            yield lambda: peak[0]
            peak[0] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        return
    before = _status_kb("VmRSS")
    yield lambda: peak[0]
    peak[0] = (_status_kb("VmHWM") - before) * 1024


def _sqlite_in_memory_size() -> int:
    if connection.vendor != "sqlite":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute("PRAGMA page_size")
        return pages * cursor.fetchone()[0]


def _status_kb(name: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1])
    raise LookupError(name)


FORMULA_NAMES = ["=SUM(A1:A2)", "+33 Cyber", "-minus", "@handle", "\t=tab", "\r=cr", "'quoted"]


def test_names_a_spreadsheet_would_run_come_back_unchanged_from_the_export(tmp_path, client):
    for number, name in enumerate(FORMULA_NAMES):
        SignatoryFactory(name=name, slug=f"formula-{number}", statement=f"{name} says so")
    exported = _export(client)
    Signatory.objects.all().delete()

    report = import_(tmp_path, exported)
    assert report.counts["created"] == len(FORMULA_NAMES)
    assert sorted(Signatory.objects.values_list("name", flat=True)) == sorted(FORMULA_NAMES)
    assert _export(client) == exported


def test_a_neutralised_cell_is_read_as_the_value_it_stands_for(tmp_path):
    header = ",".join(EXPORT_HEADER_WITHOUT_STATUS)
    row = "'=HYPERLINK(\"x\"),formula,civil-society,FR,,,,,,'\t=1+1,,"
    import_(tmp_path, f"{header}\n{row}\n")
    signatory = Signatory.objects.get()
    assert (signatory.name, signatory.statement) == ('=HYPERLINK("x")', "\t=1+1")


def test_a_leading_tab_before_a_formula_is_never_stripped(tmp_path):
    import_(tmp_path, official('"\t=HYPERLINK(""x"")",civil-society,FRA,,,,,,,'))
    assert Signatory.objects.get().name == '\t=HYPERLINK("x")'

"""Fill a scratch database with synthetic supporters, for benchmarks and load tests."""

import io
import time
from itertools import islice

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from signatories.management import synthetic
from signatories.models import SearchWord, Signatory
from signatories.models import word_index as words
from signatories.models.revision import bump_revision

BATCH = 20_000


class Command(BaseCommand):
    help = (
        "Add N synthetic supporters to a SCRATCH database. Refuses to run on a database "
        "that holds any supporter it did not make itself (the seeded or imported directory)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="how many supporters")
        parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")

    def handle(self, *args, count: int, seed: int, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        real = Signatory.objects.exclude(slug__startswith=synthetic.SLUG_PREFIX)
        if real.exists():
            raise CommandError(
                f"This database holds {real.count()} supporters that are not synthetic "
                f"(e.g. {real.first().name!r}): seed_synthetic only fills scratch databases. "
                "Point DATABASE_URL at an empty, migrated database."
            )
        if Signatory.objects.exists():
            raise CommandError(
                "This database already holds synthetic supporters: start from an empty one."
            )
        started = time.monotonic()
        rows = synthetic.rows(count, seed)
        with transaction.atomic():
            written = 0
            while batch := list(islice(rows, BATCH)):
                self._write(batch)
                written += len(batch)
                self.stdout.write(f"\r{written:,} / {count:,}", ending="")
            words.fill(Signatory, SearchWord)
            bump_revision()
        _analyse()
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{count:,} synthetic supporters in {time.monotonic() - started:.1f} s"
            )
        )

    def _write(self, batch: list[synthetic.SyntheticRow]) -> None:
        now = timezone.now()
        if connection.vendor == "postgresql":
            self._copy(batch, now)
        else:
            Signatory.objects.bulk_create(
                [Signatory(**row.__dict__, created=now, updated=now) for row in batch],
                batch_size=2000,
            )

    def _copy(self, batch: list[synthetic.SyntheticRow], now) -> None:
        """PostgreSQL's COPY: several times faster than INSERTs for a million rows."""
        # COPY fills no defaults: the blank text columns are written out too.
        columns = [*synthetic.SyntheticRow.__dataclass_fields__, "aliases", "twitter", "linkedin"]
        columns += ["review_flag", "review_note", "created", "updated"]
        buffer = io.StringIO()
        for row in batch:
            values = [*row.__dict__.values(), "", "", "", "", "", now, now]
            buffer.write("\t".join(_copy_value(value) for value in values) + "\n")
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.copy_expert(
                f"COPY signatories_signatory ({', '.join(columns)}) FROM STDIN", buffer
            )


def _copy_value(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def _analyse() -> None:
    """The database's statistics of the new rows, as the list's query plans need them."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE signatories_signatory")
            # VACUUM too: it marks the words' pages all-visible, so that a search is
            # counted by an index-only scan from the first request (autovacuum would,
            # later), not by reading each word's row from the table.
            cursor.execute("VACUUM ANALYZE signatories_searchword")
    elif connection.vendor == "sqlite":
        # SQLite keeps no statistics until asked: without them it reads a filter's whole
        # index and sorts it, where the name index would find a page's 50 rows first.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

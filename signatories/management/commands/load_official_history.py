"""python manage.py load_official_history FILE: see --help."""

import time

from django.core.management.base import BaseCommand, CommandError

from signatories.history.load import load_history_file
from signatories.history.rows import HistoryFileError


class Command(BaseCommand):
    help = (
        "Load the official list's history (data/official-history.csv): first appearances, "
        "departures and events, each cited to its commit. Idempotent, in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the history file (UTF-8 CSV)")

    def handle(self, *args, file: str, **options):
        started = time.monotonic()
        try:
            report = load_history_file(file)
        except (OSError, HistoryFileError) as error:
            raise CommandError(f"{file}: {error}") from None
        seconds = time.monotonic() - started
        self.stdout.write(f"{file}: {report.summary()} ({seconds:.1f} s)")
        if options["verbosity"] > 1:
            for name in report.unmatched:
                self.stdout.write(f"  not in the directory: {name}")
            for name in report.skipped:
                self.stdout.write(f"  skipped: {name}")

"""python manage.py import_signatories FILE [options]: see --help."""

import datetime
import time

from django.core.management.base import BaseCommand, CommandError, no_translations

from signatories.importing import ImportFileError, import_file


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--as-of {value!r} is not a date (YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = (
        "Import supporters from the official supporters spreadsheet (CSV) or from this "
        "site's CSV export. Validates every row first; all-or-nothing unless --skip-invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV file (UTF-8)")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen; write nothing"
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="write the valid rows even when some are rejected",
        )
        parser.add_argument(
            "--full-list",
            action="store_true",
            help=(
                "the file is the whole official list: supporters an earlier whole list had "
                "and this one lacks become former supporters"
            ),
        )
        parser.add_argument(
            "--as-of",
            help=(
                "with --full-list, the list's date (YYYY-MM-DD); by default the date in the "
                "file's name (official-supporters-2025-12-25.csv), else today"
            ),
        )

    # The importer's messages are translatable (the admin shows them in French); the
    # command's output stays in English whatever language was active before.
    @no_translations
    def handle(self, *args, file: str, dry_run: bool, skip_invalid: bool, **options):
        as_of = _day(options["as_of"]) if options["as_of"] else None
        if as_of and not options["full_list"]:
            raise CommandError("--as-of is the date of a whole list: use it with --full-list.")
        started = time.monotonic()
        try:
            report = import_file(
                file,
                dry_run=dry_run,
                skip_invalid=skip_invalid,
                full_list=options["full_list"],
                as_of=as_of,
            )
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None
        except IsADirectoryError:
            raise CommandError(f"{file} is a directory, not a CSV file.") from None
        except ImportFileError as error:
            raise CommandError(f"{file}: {error} Nothing was imported.") from None
        elapsed = time.monotonic() - started
        self._print(report, elapsed, options["verbosity"])
        if report.written or dry_run:
            return
        raise CommandError(
            f"{report.counts['rejected']} rows were rejected, so nothing was written. Fix "
            "them, or run again with --skip-invalid to import the valid rows."
        )

    def _print(self, report, elapsed: float, verbosity: int) -> None:
        if verbosity == 0:  # one line, e.g. for `make run`
            done = "dry run" if report.dry_run else "written" if report.written else "not written"
            self.stdout.write(f"{report.one_line()} ({done}, {elapsed:.1f} s).")
            return
        for line in report.summary_lines():
            self.stdout.write(line)
        rejected = report.counts["rejected"]
        if report.dry_run:
            message = f"Dry run: nothing was written ({elapsed:.1f} s)."
            self.stdout.write(self.style.WARNING(message))
        elif report.written:
            skipped = f", {rejected} rejected rows skipped" if rejected else ""
            self.stdout.write(self.style.SUCCESS(f"Imported in {elapsed:.1f} s{skipped}."))

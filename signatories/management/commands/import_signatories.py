"""python manage.py import_signatories FILE [--dry-run] [--skip-invalid]"""

import time

from django.core.management.base import BaseCommand, CommandError

from signatories.importer import ImportFileError, import_file


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

    def handle(self, *args, file: str, dry_run: bool, skip_invalid: bool, **options):
        started = time.monotonic()
        try:
            report = import_file(file, dry_run=dry_run, skip_invalid=skip_invalid)
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None
        except IsADirectoryError:
            raise CommandError(f"{file} is a directory, not a CSV file.") from None
        except ImportFileError as error:
            raise CommandError(f"{file}: {error} Nothing was imported.") from None
        elapsed = time.monotonic() - started
        for line in report.summary_lines():
            self.stdout.write(line)
        rejected = len(report.rejected)
        if dry_run:
            self.stdout.write(
                self.style.WARNING(f"Dry run: nothing was written ({elapsed:.1f} s).")
            )
            return
        if report.written:
            skipped = f", {rejected} rejected rows skipped" if rejected else ""
            self.stdout.write(self.style.SUCCESS(f"Imported in {elapsed:.1f} s{skipped}."))
            return
        raise CommandError(
            f"{rejected} rows were rejected, so nothing was written. Fix them, or run again "
            "with --skip-invalid to import the valid rows."
        )

"""python manage.py derive_official_history PATH_TO_CLONE > data/official-history.csv"""

from django.core.management.base import BaseCommand, CommandError

from signatories.history.derive import derive
from signatories.history.repository import Repository, RepositoryError
from signatories.history.writing import write_events


class Command(BaseCommand):
    help = (
        "Derive the Call's history (who was listed, delisted, relisted, corrected, renamed, "
        "when, by which commit) from a clone of the official site's repository, and write "
        "it as CSV to standard output. The rules: docs/data.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("repository", help="a clone of the official site's git repository")
        parser.add_argument(
            "--revision", default="HEAD", help="the commit to read history up to (HEAD)"
        )

    def handle(self, *args, repository: str, revision: str, **options):
        try:
            with Repository(repository, revision) as source:
                events = derive(source)
        except (RepositoryError, ValueError) as error:
            raise CommandError(str(error)) from None
        write_events(events, self.stdout)
        kinds = {}
        for event in events:
            kinds[event.kind] = kinds.get(event.kind, 0) + 1
        summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
        self.stderr.write(f"{len(events)} events: {summary}.")

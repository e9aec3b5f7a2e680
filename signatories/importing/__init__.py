"""Importing supporters from a CSV file: the official supporters list or the site's export.

One module per job: `reading` (lines, limits, which format), `official` (the official list's
columns, vocabulary and rows), `site_export` (the export read back), `links` (website,
Twitter, LinkedIn), `matching` (natural keys), `planning` (what each row does), `writing`
(the database writes and citations), `full_list` (who left the list), `report` (outcomes),
and `importer` (the whole run, in one transaction). The admin's import pages are `admin`,
and `uploads` keeps an uploaded file between its preview and its confirmation.

May import the records and the shared modules at the top of `signatories/`; no other
subject package.
"""

from signatories.importing.importer import Importer, import_file
from signatories.importing.reading import ImportFileError
from signatories.importing.report import Report, RowOutcome

__all__ = ["ImportFileError", "Importer", "Report", "RowOutcome", "import_file"]

"""The Call's history, derived from the official site's git repository, and its load.

One module per job: `repository` (reading commits, trees and files through `git`),
`snapshots` (the list at each commit that changed it), `reading` (one supporter file into a
`Record`, in today's vocabulary) with `french_countries` (the first commits' country names),
`derive` (who is who across commits, and the events) with `names` (how alike two names
are), `judgements` (the cases decided by hand) and `writing` (the CSV). Nothing of these
touches the database. The loader does: `rows` reads the CSV, `entries` reads an entry in the
directory's terms, `load` writes it into the directory (first appearances, departures) and
`citing` what cites each commit (its source, citations, events and alliances), importing the
records and the importer's matching. The rules, and why: docs/data.md.
"""

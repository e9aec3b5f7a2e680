"""The Call's history, derived from the official site's git repository.

One module per job: `repository` (reading commits, trees and files through `git`),
`snapshots` (the list at each commit that changed it), `reading` (one supporter file into a
`Record`, in today's vocabulary) with `french_countries` (the first commits' country names),
`derive` (who is who across commits, and the events), `judgements` (the cases decided by
hand) and `writing` (the CSV). Nothing here touches the database; the loader that does
reads the CSV. The rules, and why: docs/data.md.
"""

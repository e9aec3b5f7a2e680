"""The directory in its two languages, beyond the translation catalogue: the French sort
key (`collation`), the fields and generated sentences the project keeps in both languages
(`bilingual`), an official-list row shown as labelled fields (`passages`) and French
typography on pages (`typography`). See docs/french.md.

`collation`, `bilingual` and `typography` use only Django and the shared modules at the top
of `signatories/`, since the records import them; `passages` also reads the records'
vocabulary. None imports a subject package.
"""

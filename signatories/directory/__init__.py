"""The public list and a supporter's page: the list's parameters (`filters`), its counts
(`facets`), a search's counts and rows from the words' index (`search`), a day's counts and
those of a status or a year from the directory's timeline and standing (`timeline`), the
alliances' counts (`alliances`), what its cached values are keyed on (`keys`) and the views.

May import the records (`signatories.models`), the shared modules at the top of
`signatories/` and `signatories.data`; no other subject package.
"""

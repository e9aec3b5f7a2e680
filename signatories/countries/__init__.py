"""Supporters by country: the page's parameters (`forms`), the counts (`counts`), a
country's row and sentences (`rows`), the world map drawn from them (`map`, with the
outlines of `signatories.data.outlines`) and the views.

May import the records, the shared modules at the top of `signatories/`, `signatories.data`
and the list's country codes (`signatories.directory.filters`); never another package's views.
"""

"""The public directory's list: its filters, facet counts, cache keys and search.

Today `search` (a search's counts and rows from the words' index) lives here; the list's
views, filters, facets and keys join it as the app is split into packages.
"""

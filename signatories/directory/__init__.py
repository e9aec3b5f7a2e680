"""The public directory: the list's filters, its facets and views, and one supporter's page.

It may import the models and the shared helpers below every subject; nothing it holds is
imported by the models.
"""

"""Tests of the public list: its filters, facets and the keys of what it caches."""

"""Tests of the public list and a supporter's page: filters, facets, search, cache keys."""

"""Tests of the changes page and its Atom feed."""

"""Tests of the exports: the files, their data package, and their HTTP headers."""

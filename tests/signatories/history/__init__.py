"""Tests of the official list's history: its file and the loader."""

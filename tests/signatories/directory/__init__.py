"""Tests of the directory package (signatories/directory/)."""

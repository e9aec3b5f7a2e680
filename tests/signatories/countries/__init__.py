"""Tests of the countries: their counts, the world map and its legend, their pages."""

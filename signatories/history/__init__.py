"""The official list's history, from the official site's own git repository.

The derivation walks the repository's commits and writes `data/official-history.csv`, one
row per event of an entry (listed, delisted, relisted, corrected, renamed); `load` reads
that file into the directory: each supporter's first appearance, its departures, and its
events, each cited to its commit. This package may import the models and the importing
package's matching; nothing below it imports this package.
"""

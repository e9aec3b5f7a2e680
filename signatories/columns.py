"""The export's columns, and how a cell is written so that a spreadsheet never runs it.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula
to Excel, LibreOffice and Google Sheets. The CSV export writes such a cell with a leading
apostrophe, which spreadsheets show as text; a cell that itself starts with an apostrophe
gets one more, so that reading a cell back (`restore_cell`) is exact: the round trip
export → import → export gives the same file.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_STARTS = (*FORMULA_STARTS, "'")


def neutralise_cell(value: str) -> str:
    """The cell as the CSV export writes it: never a formula."""
    return "'" + value if value.startswith(_ESCAPED_STARTS) else value


def restore_cell(value: str) -> str:
    """The value a neutralised cell stands for (the inverse of `neutralise_cell`)."""
    if value.startswith("'") and value[1:].startswith(_ESCAPED_STARTS):
        return value[1:]
    return value

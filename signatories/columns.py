"""The export's columns, declared once: what each holds and which model fields it comes from.

`COLUMNS` is the column map. Each `Column` names the model fields it reads (`fields`) and
turns their values into the JSON value (`to_json`); its CSV cell is that value written by
`to_csv`, and read back by `from_csv`. Everything else derives from the map:

- `FIELDS`: the model fields an export reads, in order (`SignatoryQuerySet.export_rows`
  fetches exactly these, as tuples, never building a model instance);
- `record(row)` / `json_writer()(row)` / `csv_row(row)`: one such tuple as a JSON object,
  as its JSON text, as a CSV row; `text_row(row)`: the CSV row's cells without their guard
  against formulas, for the Excel export's text cells;
  `as_record(signatory)`: the same record from a model instance;
- `CSV_COLUMNS`: the CSV header, in order (the JSON record has every column, `url` too);
- `REQUIRED_ON_IMPORT`: the columns an export must have to be read back (columns added
  later are optional, so that an older export still imports);
- `table_schema()`: the CSV described as a Frictionless Table Schema.

A new field of the supporter needs the model field and one `Column` here.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula
to Excel, LibreOffice and Google Sheets. The CSV export writes such a cell with a leading
apostrophe, which spreadsheets show as text; a cell that itself starts with an apostrophe
gets one more, so that reading a cell back (`restore_cell`) is exact: the round trip
export → import → export gives the same file.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from django.conf import settings

from signatories import dates, links
from signatories.regions import Region
from signatories.vocabulary import SignatoryStatus, SignatoryType

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


def _same(value: Any) -> Any:
    return value


def csv_cell(value: Any) -> str:
    """A JSON value as a CSV cell: empty for null, `true`/`false`, never a formula."""
    if isinstance(value, str):  # most cells: tested first, as it runs for every one
        return "'" + value if value.startswith(_ESCAPED_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise_cell(str(value))


@dataclass(frozen=True)
class Column:
    """One column of the export.

    `fields` are the model fields it reads; `to_json` receives their values, in that
    order, and returns the JSON value (a string, a boolean or None). `type` and
    `constraints` describe the CSV cell in Table Schema terms.
    """

    name: str
    fields: tuple[str, ...]
    description: str
    to_json: Callable[..., Any] = _same
    type: str = "string"
    constraints: dict = field(default_factory=dict)
    nullable: bool = False  # an empty cell is null in the JSON
    in_csv: bool = True
    # Exports made before this column existed lack it; the importer reads them anyway.
    added_later: bool = False

    def to_csv(self, value: Any) -> str:
        """The JSON value as a CSV cell: empty for null, `true`/`false`, never a formula."""
        return csv_cell(value)

    def from_csv(self, cell: str) -> Any:
        """The JSON value a CSV cell stands for (the inverse of `to_csv`)."""
        if self.type == "boolean":
            if cell not in ("true", "false"):
                raise ValueError(f"{self.name} is true or false, not “{cell}”.")
            return cell == "true"
        if cell == "" and self.nullable:
            return None
        return restore_cell(cell)


def _iso_date(value) -> str | None:
    return value.isoformat() if value else None


def _detail_path(slug: str) -> str:
    """The page's English address: an export is the same whichever language asked for it."""
    return links.detail_path(slug, settings.LANGUAGE_CODE)


COLUMNS: tuple[Column, ...] = (
    Column("name", ("name",), "The supporter's name.", constraints={"required": True}),
    Column(
        "slug",
        ("slug",),
        "Its stable identifier, as in its page's address.",
        constraints={"required": True, "unique": True, "pattern": "[-a-zA-Z0-9_]+"},
    ),
    Column(
        "type",
        ("type",),
        "The official category.",
        constraints={"required": True, "enum": SignatoryType.values},
    ),
    Column(
        "country",
        ("country",),
        "ISO 3166-1 alpha-2 code; empty for a body with no home country.",
        to_json=lambda code: str(code) or None,
        nullable=True,
        constraints={"pattern": "[A-Z]{2}"},
    ),
    Column(
        "region",
        ("region",),
        "UN M49 region, derived from the country.",
        constraints={"enum": Region.values},
    ),
    Column("kind", ("kind",), "The kind of organisation: company, association, …"),
    Column("website", ("website",), "Its website.", constraints={"pattern": "https?://.*"}),
    Column("twitter", ("twitter",), "Its Twitter handle, without the @."),
    Column("linkedin", ("linkedin",), "Its LinkedIn page.", constraints={"pattern": "https?://.*"}),
    Column("statement", ("statement",), "A short statement in its own words."),
    Column(
        "since",
        ("supporter_since", "supporter_since_precision"),
        "Supporter since: an ISO 8601 date at the precision known (2021-11-11, 2019-01, 2019).",
        to_json=dates.iso,
        nullable=True,
        constraints={"pattern": r"\d{4}(-\d{2}(-\d{2})?)?"},
    ),
    Column(
        "since_by",
        ("supporter_since_is_bound",),
        "True when the date only bounds it: a supporter by then.",
        type="boolean",
    ),
    Column(
        "url",
        ("slug",),
        "The absolute path of its page.",
        to_json=_detail_path,
        in_csv=False,
    ),
    Column(
        "status",
        ("status",),
        "current, or former when it is no longer on the official list.",
        constraints={"required": True, "enum": SignatoryStatus.values},
        added_later=True,
    ),
    Column(
        "left",
        ("left_on",),
        "The date from which a former supporter is no longer on the official list.",
        to_json=_iso_date,
        type="date",
        nullable=True,
        added_later=True,
    ),
)

FIELDS: tuple[str, ...] = tuple(dict.fromkeys(name for column in COLUMNS for name in column.fields))
CSV_COLUMNS: list[str] = [column.name for column in COLUMNS if column.in_csv]
REQUIRED_ON_IMPORT: list[str] = [
    column.name for column in COLUMNS if column.in_csv and not column.added_later
]


def _reader(column: Column, url_prefix: str | None = None) -> Callable[[tuple], Any]:
    """The column's JSON value from a row of FIELDS (built once: it runs for every cell)."""
    pick = itemgetter(*(FIELDS.index(name) for name in column.fields))
    if column.to_json is _detail_path and url_prefix is not None:
        return lambda row: url_prefix + pick(row) + "/"
    if len(column.fields) > 1:
        return lambda row: column.to_json(*pick(row))
    if column.to_json is _same:
        return pick
    return lambda row: column.to_json(pick(row))


def _readers(url_prefix: str | None = None) -> list[tuple[str, Callable[[tuple], Any]]]:
    return [(column.name, _reader(column, url_prefix)) for column in COLUMNS]


_READERS = _readers()
_CSV_READERS = [
    read for (_name, read), column in zip(_READERS, COLUMNS, strict=True) if column.in_csv
]


def record(row: tuple) -> dict:
    """One supporter as the JSON export gives it, from its values of FIELDS."""
    return {name: read(row) for name, read in _READERS}


def csv_row(row: tuple) -> list[str]:
    """One supporter as a CSV row, from its values of FIELDS."""
    return [csv_cell(read(row)) for read in _CSV_READERS]


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def text_row(row: tuple) -> list[str]:
    """The CSV row's cells as text, without the apostrophe that keeps a CSV cell from being
    a formula: for a format whose cells are text whatever they start with (the Excel export)."""
    return [_text(read(row)) for read in _CSV_READERS]


# `json.dumps(record(row), ensure_ascii=False)`, written directly: no dict, no encoder per
# row (the JSON export writes a million of these). The same text, character for character.
_JSON_RECORD = "{" + ", ".join(f"{json.dumps(column.name)}: %s" for column in COLUMNS) + "}"
_JSON_STRING = json.encoder.encode_basestring  # what ensure_ascii=False uses, in C
_JSON_CONSTANTS = {None: "null", True: "true", False: "false"}


def _json_value(value: Any) -> str:
    if isinstance(value, str):
        return _JSON_STRING(value)
    if value is None or isinstance(value, bool):
        return _JSON_CONSTANTS[value]
    return json.dumps(value, ensure_ascii=False)


def json_writer() -> Callable[[tuple], str]:
    """`json_record(row)` for one export: each record as JSON text, from its values of FIELDS.

    Built once per export, so that the pages' address prefix is looked up once, not for
    every row (it is a thread-local: the script prefix).
    """
    readers = [read for _name, read in _readers(_detail_path("-").removesuffix("-/"))]

    def json_record(row: tuple) -> str:
        return _JSON_RECORD % tuple([_json_value(read(row)) for read in readers])

    return json_record


def as_record(signatory) -> dict:
    """One supporter (a model instance) as the JSON export gives it."""
    return record(tuple(getattr(signatory, name) for name in FIELDS))


def table_schema() -> dict:
    """The CSV export described as a Frictionless Table Schema."""
    fields = []
    for column in COLUMNS:
        if not column.in_csv:
            continue
        described = {"name": column.name, "type": column.type, "description": column.description}
        if column.type == "boolean":
            described.update(trueValues=["true"], falseValues=["false"])
        if column.constraints:
            described["constraints"] = dict(column.constraints)
        fields.append(described)
    return {"fields": fields, "missingValues": [""], "primaryKey": "slug"}

"""The site's own CSV export, read back: export → import → export gives the same file.

Cells are read as the export wrote them: `restore_cell` undoes the apostrophe that keeps a
spreadsheet from running a cell as a formula. An export made before the `status` and
`left` columns existed is still read; any other extra column is ignored.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.translation import gettext as _
from django_countries import countries

from signatories import columns, dates
from signatories.columns import restore_cell
from signatories.importing.links import read_links
from signatories.importing.rows import ParsedRow, Problems, RowRejected, trimmed
from signatories.models import SignatoryStatus, SignatoryType
from signatories.regions import Region

# From the export's column map: columns added after the first exports are optional.
EXPORT_REQUIRED = columns.REQUIRED_ON_IMPORT
EXPORT_OPTIONAL = [column for column in columns.CSV_COLUMNS if column not in EXPORT_REQUIRED]
# The columns `parse_export` reads with a check of their own; every other column of the map
# is plain text, read as written, so a new text column needs no change here.
_CHECKED = {"name", "slug", "type", "country", "region", "website", "twitter", "linkedin"}
_CHECKED |= {"since", "since_by", "status", "left"}
TEXT_COLUMNS = {
    column.name: column.fields[0]
    for column in columns.COLUMNS
    if column.in_csv and column.name not in _CHECKED
}


def parse_export(raw_cells: dict[str, str]) -> ParsedRow:
    """What a row of the export says; RowRejected with the reason if it can't be read."""
    cells = {column: restore_cell(value) for column, value in raw_cells.items()}
    name = trimmed(cells["name"])
    problems = Problems()
    if not name:
        problems.reasons.append(_("no name"))
    parsed = ParsedRow({"name": name})
    values = parsed.values
    with problems.check():
        _read_slug(cells["slug"], values)
    with problems.check():
        _read_choice(cells["type"], "type", SignatoryType.values, values)
    code = cells["country"].strip().upper()
    if code:
        if len(code) != 2 or code not in countries:
            problems.reasons.append(
                _("unknown country code %(code)s (expected ISO 3166 alpha-2)")
                % {"code": repr(code)}
            )
        values["country"] = code
    else:
        with problems.check():
            _read_choice(cells["region"], "region", Region.values, values)
    problems.raise_any()
    for column, field in TEXT_COLUMNS.items():
        if value := trimmed(cells.get(column, "")):
            values[field] = value
    read_links(cells, values, parsed.warnings)
    _read_since(cells, parsed)
    _read_status(cells, parsed)
    parsed.region_if_new = values.get("region", "")
    return parsed


def _read_slug(cell: str, values: dict) -> None:
    slug = cell.strip()
    if not slug:
        return
    try:
        validate_slug(slug)
    except ValidationError:
        raise RowRejected(_("slug %(slug)s is not a valid slug") % {"slug": repr(slug)}) from None
    values["slug"] = slug


def _read_choice(cell: str, column: str, choices: list[str], values: dict) -> None:
    value = cell.strip()
    if not value:
        return
    if value not in choices:
        raise RowRejected(
            _("unknown %(column)s %(value)s (expected one of %(expected)s)")
            % {"column": column, "value": repr(value), "expected": ", ".join(choices)}
        )
    values[column] = value


def _read_since(cells: dict[str, str], parsed: ParsedRow) -> None:
    since = cells["since"].strip()
    if not since:
        return
    try:
        date, precision = dates.parse_iso(since)
    except ValueError:
        message = _("%(value)s is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") % {
            "value": repr(since)
        }
        parsed.warnings.append(("since", message))
        return
    bound = cells["since_by"].strip().lower()
    if bound not in ("true", "false", ""):
        message = _("%(value)s is neither true nor false: taken as false") % {"value": repr(bound)}
        parsed.warnings.append(("since_by", message))
    parsed.values["supporter_since"] = date
    parsed.values["supporter_since_precision"] = precision
    parsed.values["supporter_since_is_bound"] = bound == "true"


def _read_status(cells: dict[str, str], parsed: ParsedRow) -> None:
    status = cells.get("status", "").strip()
    if not status:
        return
    if status == SignatoryStatus.CURRENT:
        parsed.values["status"], parsed.values["left_on"] = status, None
        return
    left = cells.get("left", "").strip()
    try:
        if status != SignatoryStatus.FORMER:
            raise ValueError(status)
        left_on, precision = dates.parse_iso(left)
        if precision != dates.Precision.DAY:
            raise ValueError(left)
    except ValueError:
        message = _(
            "%(status)s with left %(left)s is not a status (current, or former and a date)"
        ) % {"status": repr(status), "left": repr(left)}
        parsed.warnings.append(("status", message))
        return
    parsed.values["status"], parsed.values["left_on"] = status, left_on

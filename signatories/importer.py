"""Import supporters from a CSV file: the official supporters list, or the site's own export.

The file is streamed in chunks: each chunk's rows are validated against the directory (its
natural keys are loaded into memory once, and kept up to date as rows are planned), then
written with bulk inserts and updates, all inside one transaction. So a large file imports
in bounded memory, and a rejected row rolls everything back.

Each row is *created*, *updated* or *unchanged* (possibly with warnings: an invalid optional
field is dropped and named), or *rejected* with its line number and reason. By default the
import is all-or-nothing: one rejected row and nothing is written.
"""

import copy
import csv
import datetime
import io
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import BinaryIO
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django_countries import countries
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from signatories import dates
from signatories.cache import bump_version
from signatories.columns import CSV_COLUMNS as ALL_EXPORT_COLUMNS
from signatories.dates import Precision
from signatories.export import CSV_COLUMNS
from signatories.models import (
    Citation,
    CitationBasis,
    Signatory,
    SignatoryType,
    Source,
    SourceKind,
    http_url_validator,
)
from signatories.regions import Region
from signatories.text import normalise

OFFICIAL = "official"
EXPORT = "export"
FORMAT_NAMES = {
    OFFICIAL: "the official supporters list",
    EXPORT: "this site's CSV export",
}

# The official list's spreadsheet download. Other columns (first_listed, …) are ignored.
OFFICIAL_REQUIRED = [
    "name",
    "category",
    "nationality",
    "nature",
    "website",
    "twitter",
    "date_signed",
]
OFFICIAL_OPTIONAL = ["linkedin", "statement"]

# The official list uses a few codes that are not ISO 3166-1 alpha-3 (see its own country
# table): these are the ISO codes of the countries it means.
NONSTANDARD_ALPHA3 = {
    "ROM": "RO",  # Romania (ISO: ROU; ROM is the old UN/IOC-style code)
    "MTG": "ME",  # Montenegro (ISO: MNE)
    "SCG": "RS",  # Serbia (ISO: SRB; SCG was Serbia and Montenegro)
}

# The official list's `nature` (in French, any case, stray spaces) → organisation kind in
# English. Keys are normalised (lower case, no accents, straight apostrophes). Every value
# of the list as of 2025-12-25 is here except `UE`, which the list puts only on states that
# are EU members: a state has no organisation kind, so a state's nature is not read.
NATURE_KINDS = {
    "academie": "academy",
    "agence": "agency",
    "association": "association",
    "association professionnelle": "trade association",
    "autorite independante": "independent authority",
    "centre d'excellence": "centre of excellence",
    "centre de recherche": "research centre",
    "chambre de commerce": "chamber of commerce",
    "collectivite locale": "local authority",
    "commission consultative": "advisory commission",
    "ecole": "school",
    "entreprise": "company",
    "etat federe": "federated state",
    "federation": "federation",
    "fondation": "foundation",
    "forum": "forum",
    "groupement d'interet public": "public interest group",
    "international organization": "international organisation",
    "ong": "NGO",
    "operateur": "operator",
    "organisation a but non lucratif": "non-profit organisation",
    "organisation internationale": "international organisation",
    "organisme public": "public body",
    "think tank": "think tank",
    "universite": "university",
}

# A supporter with no country has no region to derive. The official list says nothing of
# regions, so a new one gets a region only where the list itself makes it plain:
# an international organisation is "international" (INTERPOL), and the European Union is
# in Europe (the specification's own example). Any other is rejected: staff add it in
# admin with its region, and the next import matches and updates it.
REGION_OF_KIND_WITHOUT_COUNTRY = {"international organisation": Region.INTERNATIONAL}
REGION_OF_NAME_WITHOUT_COUNTRY = {"european union": Region.EUROPE}

TWITTER_HANDLE = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9_]{1,15}$")
TWITTER_HOSTS = {"twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com"}
TWITTER_RESERVED = {"home", "i", "intent", "search", "share", "hashtag", "explore", "settings"}
LINKEDIN_PAGES = {"company", "school", "in", "showcase"}

# The fields an import may set, compared to tell "updated" from "unchanged".
COMPARED_FIELDS = [
    "name",
    "type",
    "country",
    "region",
    "kind",
    "aliases",
    "website",
    "twitter",
    "linkedin",
    "statement",
    "supporter_since",
    "supporter_since_precision",
    "supporter_since_is_bound",
]
WRITTEN_FIELDS = [*COMPARED_FIELDS, "sort_name", "search_text", "updated"]
# Dropped with a warning when invalid; any other invalid field rejects the row.
OPTIONAL_FIELDS = {"kind", "aliases", "website", "twitter", "linkedin", "statement"}
ALIAS_SEPARATOR = "; "

CHUNK = 500

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
REJECTED = "rejected"


class ImportFileError(Exception):
    """The file as a whole can't be imported: not UTF-8, not CSV, or an unknown header."""


@dataclass(slots=True)
class RowResult:
    line: int
    name: str
    outcome: str = ""
    reason: str = ""
    warnings: list[tuple[str, str]] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


@dataclass
class Report:
    filename: str
    format: str = ""
    rows: list[RowResult] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    skip_invalid: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {
            CREATED: self.count(CREATED),
            UPDATED: self.count(UPDATED),
            UNCHANGED: self.count(UNCHANGED),
            "warned": sum(1 for row in self.rows if row.warnings),
            REJECTED: self.count(REJECTED),
        }

    @property
    def rejected(self) -> list[RowResult]:
        return [row for row in self.rows if row.outcome == REJECTED]

    @property
    def warned(self) -> list[RowResult]:
        return [row for row in self.rows if row.warnings]

    @property
    def format_name(self) -> str:
        return FORMAT_NAMES.get(self.format, "")

    def summary_lines(self) -> list[str]:
        counts = self.counts
        lines = [
            f"{self.filename} ({self.format_name}): {len(self.rows)} rows.",
            *(f"  {name}: {number}" for name, number in counts.items()),
        ]
        if self.rejected:
            lines.append("Rejected rows:")
            lines += [
                f"  line {row.line}: {row.name or '(no name)'}: {row.reason}"
                for row in self.rejected
            ]
        if self.warned:
            lines.append("Warnings (the field was left out):")
            lines += [
                f"  line {row.line}: {row.name}: {name}: {message}"
                for row in self.warned
                for name, message in row.warnings
            ]
        return lines


def header_help() -> str:
    return (
        "Expected the columns of the official supporters list ("
        + ",".join(OFFICIAL_REQUIRED)
        + ", and optionally "
        + ",".join(OFFICIAL_OPTIONAL)
        + "; other columns are ignored) or exactly those of this site's CSV export ("
        + ",".join(CSV_COLUMNS)
        + ")."
    )


def detect_format(header: list[str]) -> str:
    columns = [column.strip().lower() for column in header]
    if columns in (CSV_COLUMNS, ALL_EXPORT_COLUMNS):
        return EXPORT
    if set(OFFICIAL_REQUIRED) <= set(columns) and len(set(columns)) == len(columns):
        return OFFICIAL
    shown = ",".join(header)
    shown = shown if len(shown) <= 200 else shown[:200] + "…"
    raise ImportFileError(f"Unknown header: {shown}. {header_help()}")


@dataclass(slots=True)
class CsvRow:
    line: int  # the physical line the row starts on; the header is line 1
    text: str  # the row as read, without its line ending
    cells: dict[str, str]


def read_csv(stream: BinaryIO) -> tuple[str, Iterator[CsvRow]]:
    """The file's format and its rows; ImportFileError when it isn't UTF-8 CSV we know."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    tap = _LineTap(text)
    reader = csv.reader(tap)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(f"The file is empty. {header_help()}") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise _file_error(error, tap.line) from error
    file_format = detect_format(header)
    columns = [column.strip().lower() for column in header]
    tap.take()
    return file_format, _rows(reader, tap, columns)


def _rows(reader, tap: "_LineTap", columns: list[str]) -> Iterator[CsvRow]:
    while True:
        start = tap.line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except (UnicodeDecodeError, csv.Error) as error:
            raise _file_error(error, tap.line) from error
        text = tap.take().rstrip("\r\n")
        if not cells:
            continue  # a blank line
        if len(cells) != len(columns):
            yield CsvRow(
                start, text, {"": f"{len(cells)} cells where the header has {len(columns)}"}
            )
            continue
        yield CsvRow(start, text, dict(zip(columns, cells, strict=True)))


def _file_error(error: Exception, line: int) -> ImportFileError:
    if isinstance(error, UnicodeDecodeError):
        return ImportFileError(
            f"The file is not UTF-8 text (line {max(line, 1)}): save it as CSV, UTF-8."
        )
    return ImportFileError(f"The file is not readable CSV (line {max(line, 1)}): {error}.")


class _LineTap:
    """Hands lines to csv.reader and remembers them, for line numbers and the row's text."""

    def __init__(self, text):
        self.text = text
        self.line = 0
        self.lines: list[str] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.text)
        self.line += 1
        if "\x00" in line:
            raise csv.Error("it contains NUL bytes, so it is not a text file")
        self.lines.append(line)
        return line

    def take(self) -> str:
        taken = "".join(self.lines)
        self.lines = []
        return taken


# --- Reading one row's values ----------------------------------------------------------


class RowRejected(Exception):
    pass


@dataclass
class Parsed:
    """What a row says: only the non-empty values (an empty cell never erases)."""

    values: dict
    warnings: list[tuple[str, str]]
    alias: str = ""  # the official list's own name for a state
    region_if_new: str = ""  # for a new supporter with no country


def parse_official(cells: dict[str, str]) -> Parsed:
    values: dict = {}
    warnings: list[tuple[str, str]] = []
    name = " ".join(cells["name"].split())
    if not name:
        raise RowRejected("no name")
    category = cells["category"].strip().lower()
    if not category:
        raise RowRejected("no category")
    if category not in SignatoryType.values:
        raise RowRejected(
            f"unknown category {category!r} (expected one of {', '.join(SignatoryType.values)})"
        )
    values["type"] = category
    code = cells["nationality"].strip().upper()
    if code:
        values["country"] = _country_from_alpha3(code)
    parsed = Parsed(values, warnings)
    if category == SignatoryType.STATE:
        if not code:
            raise RowRejected("a state needs its country (nationality)")
        # A state is named by its country; the list's (French) name becomes an alias.
        parsed.alias = name
    else:
        values["name"] = name
        nature = cells["nature"].strip()
        if nature:
            kind = NATURE_KINDS.get(normalise(nature).replace("’", "'"))
            if kind:
                values["kind"] = kind
            else:
                warnings.append(("nature", f"unknown value {nature!r}: no kind recorded"))
        if not code:
            parsed.region_if_new = REGION_OF_KIND_WITHOUT_COUNTRY.get(
                values.get("kind", ""), ""
            ) or REGION_OF_NAME_WITHOUT_COUNTRY.get(normalise(name), "")
    _optional_links(cells, values, warnings)
    statement = cells.get("statement", "").strip()
    if statement:
        values["statement"] = statement
    signed = cells["date_signed"].strip()
    if signed:
        try:
            if len(signed) != 10:
                raise ValueError(signed)
            values["supporter_since"] = datetime.date.fromisoformat(signed)
            values["supporter_since_precision"] = Precision.DAY
            values["supporter_since_is_bound"] = False
        except ValueError:
            warnings.append(("date_signed", f"{signed!r} is not a date (YYYY-MM-DD)"))
    return parsed


def parse_export(cells: dict[str, str]) -> Parsed:
    values: dict = {}
    warnings: list[tuple[str, str]] = []
    name = cells["name"].strip()
    if not name:
        raise RowRejected("no name")
    values["name"] = name
    slug = cells["slug"].strip()
    if slug:
        try:
            validate_slug(slug)
        except ValidationError:
            raise RowRejected(f"slug {slug!r} is not a valid slug") from None
        values["slug"] = slug
    kind_of = cells["type"].strip()
    if kind_of:
        if kind_of not in SignatoryType.values:
            raise RowRejected(
                f"unknown type {kind_of!r} (expected one of {', '.join(SignatoryType.values)})"
            )
        values["type"] = kind_of
    code = cells["country"].strip().upper()
    if code:
        if len(code) != 2 or code not in countries:
            raise RowRejected(f"unknown country code {code!r} (expected ISO 3166 alpha-2)")
        values["country"] = code
    region = cells["region"].strip()
    if region and not code:
        if region not in Region.values:
            raise RowRejected(
                f"unknown region {region!r} (expected one of {', '.join(Region.values)})"
            )
        values["region"] = region
    kind = cells["kind"].strip()
    if kind:
        values["kind"] = kind
    _optional_links(cells, values, warnings)
    statement = cells["statement"].strip()
    if statement:
        values["statement"] = statement
    since = cells["since"].strip()
    if since:
        try:
            values["supporter_since"], values["supporter_since_precision"] = dates.parse_iso(since)
        except ValueError:
            warnings.append(("since", f"{since!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"))
        else:
            bound = cells["since_by"].strip().lower()
            if bound not in ("true", "false", ""):
                warnings.append(
                    ("since_by", f"{bound!r} is neither true nor false: taken as false")
                )
            values["supporter_since_is_bound"] = bound == "true"
    return Parsed(values, warnings, region_if_new=values.get("region", ""))


def _country_from_alpha3(code: str) -> str:
    alpha2 = NONSTANDARD_ALPHA3.get(code)
    if alpha2 is None and len(code) == 3 and code.isalpha():
        alpha2 = countries.alpha2(code) or None
    if alpha2 is None:
        raise RowRejected(f"unknown country code {code!r} (expected ISO 3166 alpha-3)")
    return alpha2


def _optional_links(cells: dict[str, str], values: dict, warnings: list) -> None:
    website = cells.get("website", "").strip()
    if website:
        if _is_http_url(website):
            values["website"] = website
        else:
            warnings.append(("website", f"{website!r} is not an http(s) URL"))
    twitter = cells.get("twitter", "").strip()
    if twitter:
        handle = twitter_handle(twitter)
        if handle:
            values["twitter"] = handle
        else:
            warnings.append(("twitter", f"{twitter!r} is not a Twitter handle"))
    linkedin = cells.get("linkedin", "").strip()
    if linkedin:
        if is_linkedin_page(linkedin):
            values["linkedin"] = linkedin
        else:
            warnings.append(
                (
                    "linkedin",
                    f"{linkedin!r} is not a LinkedIn company, school, showcase or profile page",
                )
            )


def _is_http_url(value: str) -> bool:
    if len(value) > 500 or any(char.isspace() for char in value):
        return False
    try:
        http_url_validator(value)
    except ValidationError:
        return False
    return True


def twitter_handle(value: str) -> str:
    """The handle in `@name`, `name` or a twitter.com / x.com address; "" if none."""
    if "/" in value:
        url = value if "://" in value else f"https://{value}"
        parts = urlsplit(url)
        segments = [segment for segment in parts.path.split("/") if segment]
        if (parts.hostname or "") not in TWITTER_HOSTS or len(segments) != 1:
            return ""
        value = segments[0]
        if value.lower() in TWITTER_RESERVED:
            return ""
    value = value.removeprefix("@")
    return value if TWITTER_HANDLE.match(value) else ""


def is_linkedin_page(value: str) -> bool:
    """An http(s) linkedin.com address of a company, school, showcase page or profile."""
    if not _is_http_url(value):
        return False
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    if host != "linkedin.com" and not host.endswith(".linkedin.com"):
        return False
    segments = [segment for segment in parts.path.split("/") if segment]
    return len(segments) >= 2 and segments[0].lower() in LINKEDIN_PAGES


# --- Matching: the directory's natural keys, in memory ---------------------------------


class KeyIndex:
    """Every supporter's natural keys, loaded once; kept up to date as rows are planned.

    Keys point at a primary key, or at ``("line", N)`` for a supporter the file itself adds.
    """

    def __init__(self):
        self.slugs: dict[str, object] = {}
        self.states: dict[str, object] = {}
        self.names: dict[tuple[str, str], list[tuple[object, str]]] = {}
        self.exact: dict[tuple[str, str, str], object] = {}

    @classmethod
    def load(cls) -> "KeyIndex":
        index = cls()
        rows = Signatory.objects.values_list("pk", "slug", "name", "country", "type")
        for pk, slug, name, country, type_ in rows.iterator(chunk_size=5000):
            index.add(pk, slug, name, country, type_)
        return index

    def add(self, key, slug: str, name: str, country: str, type_: str) -> None:
        self.slugs[slug] = key
        if type_ == SignatoryType.STATE:
            self.states[country] = key
        self.names.setdefault((normalise(name), country), []).append((key, type_))
        self.exact[(name, country, type_)] = key

    def remove(self, key, name: str, country: str, type_: str) -> None:
        if type_ == SignatoryType.STATE and self.states.get(country) == key:
            del self.states[country]
        entries = self.names.get((normalise(name), country), [])
        entries[:] = [entry for entry in entries if entry[0] != key]
        if self.exact.get((name, country, type_)) == key:
            del self.exact[(name, country, type_)]

    def match(self, values: dict, alias: str) -> object | None:
        """A state by its country; others by slug, or normalised name and country."""
        type_ = values.get("type")
        country = values.get("country", "")
        if type_ == SignatoryType.STATE:
            return self.states.get(country)
        if values.get("slug") in self.slugs:
            return self.slugs[values["slug"]]
        entries = self.names.get((normalise(values["name"]), country), [])
        for key, entry_type in entries:
            if entry_type == type_:
                return key
        if values.get("slug"):
            return None  # a row with its own slug and type is that supporter or a new one
        # The official list has no slugs: a supporter recorded under another type (it
        # moved, say, from civil society to public authorities) is still the same one.
        others = [key for key, entry_type in entries if entry_type != SignatoryType.STATE]
        return others[0] if len(others) == 1 and isinstance(others[0], int) else None

    def new_slug(self, name: str, country: str) -> str:
        base = slugify(name)[:300].strip("-") or "supporter"
        if base not in self.slugs:
            return base
        if country and f"{base}-{country.lower()}" not in self.slugs:
            return f"{base}-{country.lower()}"
        number = 2
        while f"{base}-{number}" in self.slugs:
            number += 1
        return f"{base}-{number}"


# --- The import --------------------------------------------------------------------------


@dataclass
class _Planned:
    result: RowResult
    signatory: Signatory | None = None
    text: str = ""


class Importer:
    """Import one file. `open_file` opens it afresh (binary) for each pass."""

    def __init__(
        self,
        open_file: Callable[[], BinaryIO],
        filename: str,
        *,
        user=None,
        today: datetime.date | None = None,
    ):
        self.open_file = open_file
        self.filename = os.path.basename(filename)
        self.user = user
        self.today = today or timezone.localdate()
        self.reason = f"Imported from {self.filename}"

    def run(self, *, dry_run: bool = False, skip_invalid: bool = False) -> Report:
        """Validate every row and, unless this is a dry run, write in one transaction.

        Rows are validated chunk by chunk and each chunk is written once validated, all
        inside one transaction: when a row is rejected (and invalid rows are not to be
        skipped) the transaction is rolled back, so the database is left exactly as it was.
        A dry run validates the same way and writes nothing.
        """
        if dry_run:
            report = self._pass(write=False)
        else:
            try:
                with transaction.atomic():
                    report = self._pass(write=True)
                    if report.rejected and not skip_invalid:
                        raise _RollBack(report)
                    if any(row.outcome in (CREATED, UPDATED) for row in report.rows):
                        bump_version()
                    report.written = True
            except _RollBack as rolled_back:
                report = rolled_back.report
        report.dry_run, report.skip_invalid = dry_run, skip_invalid
        return report

    def _pass(self, *, write: bool) -> Report:
        report = Report(self.filename)
        with self.open_file() as stream:
            report.format, rows = read_csv(stream)
            parse = parse_official if report.format == OFFICIAL else parse_export
            index = KeyIndex.load()
            seen: dict[object, int] = {}  # supporter → the line that imports it
            source, cited = self._source() if write else (None, {})
            while chunk := list(islice(rows, CHUNK)):
                planned = self._plan_chunk(chunk, parse, index, seen)
                report.rows.extend(plan.result for plan in planned)
                if write:
                    self._write(planned, source, cited)
        return report

    def _plan_chunk(self, chunk: list[CsvRow], parse, index: KeyIndex, seen: dict) -> list:
        parsed: list[tuple[CsvRow, Parsed | str]] = []
        for row in chunk:
            if "" in row.cells:
                parsed.append((row, row.cells[""]))
                continue
            try:
                parsed.append((row, parse(row.cells)))
            except RowRejected as rejection:
                parsed.append((row, str(rejection)))
        keys = [index.match(p.values, p.alias) for _row, p in parsed if isinstance(p, Parsed)]
        existing = Signatory.objects.in_bulk([key for key in keys if isinstance(key, int)])
        planned = []
        for row, p in parsed:
            name = row.cells.get("name", "").strip()
            if isinstance(p, str):
                planned.append(_Planned(RowResult(row.line, name, REJECTED, p)))
                continue
            result = RowResult(row.line, name, warnings=p.warnings)
            try:
                signatory = self._plan_row(row, p, index, seen, existing, result)
            except RowRejected as rejection:
                result.outcome, result.reason = REJECTED, str(rejection)
                signatory = None
            planned.append(_Planned(result, signatory, row.text))
        return planned

    def _plan_row(self, row, p: Parsed, index: KeyIndex, seen, existing, result) -> Signatory:
        key = index.match(p.values, p.alias)
        if key is not None and key in seen:
            raise RowRejected(f"the same supporter as line {seen[key]}")
        if isinstance(key, tuple):
            raise RowRejected(f"the same supporter as line {key[1]}")
        if key is not None:
            before = existing.get(key) or Signatory.objects.get(pk=key)
            signatory = copy.copy(before)
            old = {name: getattr(before, name) for name in COMPARED_FIELDS}
        else:
            before, old = None, None
            signatory = Signatory()
        values = dict(p.values)
        if before is not None:
            values.pop("slug", None)  # a slug is stable: an import never changes it
        for name, value in values.items():
            setattr(signatory, name, value)
        if p.alias:
            if before is None:
                signatory.name = signatory.country.name
            signatory.aliases = _with_alias(signatory.aliases, p.alias, signatory.name)
        if before is None:
            if not signatory.slug:
                signatory.slug = index.new_slug(signatory.name, str(signatory.country))
            elif signatory.slug in index.slugs:
                raise RowRejected(f"the slug {signatory.slug!r} belongs to another supporter")
            if not signatory.country and not signatory.region:
                if not p.region_if_new:
                    raise RowRejected(
                        "no country: add it in admin with its region, then import again"
                    )
                signatory.region = p.region_if_new
        self._validate(signatory, before, result)
        self._check_unique(signatory, key, index)
        if before is not None:
            result.changed = [
                name
                for name in COMPARED_FIELDS
                if _comparable(getattr(signatory, name)) != _comparable(old[name])
            ]
            result.outcome = UPDATED if result.changed else UNCHANGED
            index.remove(key, old["name"], str(old["country"]), old["type"])
            index.add(key, signatory.slug, signatory.name, str(signatory.country), signatory.type)
            seen[key] = row.line
        else:
            result.outcome = CREATED
            pseudo = ("line", row.line)
            index.add(
                pseudo, signatory.slug, signatory.name, str(signatory.country), signatory.type
            )
            seen[pseudo] = row.line
        result.name = signatory.name
        return signatory

    def _validate(self, signatory: Signatory, before: Signatory | None, result: RowResult) -> None:
        """Model validation; an invalid optional field goes back to what it was, with a warning."""
        for _attempt in range(len(OPTIONAL_FIELDS) + 1):
            try:
                # The country is checked when the row is read (Django's check of a country
                # against its ~250 choices costs more than all the rest of a row); the
                # unique constraints are checked against the keys in memory.
                signatory.full_clean(
                    exclude=["country"], validate_unique=False, validate_constraints=False
                )
                return
            except ValidationError as error:
                errors = error.message_dict
            optional = [name for name in errors if name in OPTIONAL_FIELDS]
            if not optional:
                raise RowRejected(
                    "; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
                )
            for name in optional:
                setattr(signatory, name, getattr(before, name) if before else "")
                result.warnings.append((name, " ".join(errors[name])))
        raise RowRejected("invalid")  # not reached: each attempt drops at least one field

    def _check_unique(self, signatory: Signatory, key, index: KeyIndex) -> None:
        """The database's unique constraints, checked against the keys in memory."""
        country = str(signatory.country)
        if signatory.type == SignatoryType.STATE:
            other = index.states.get(country)
            if other is not None and other != key:
                raise RowRejected(f"there is already a state for {signatory.country.name}")
        other = index.exact.get((signatory.name, country, signatory.type))
        if other is not None and other != key:
            raise RowRejected(
                "there is already a supporter of this type with this name and country"
            )

    def _source(self) -> tuple[Source, dict[int, Citation]]:
        stem = slugify(self.filename)[:150]
        source, _created = Source.objects.get_or_create(
            slug=f"import-{stem}-{self.today.isoformat()}",
            defaults={
                "kind": SourceKind.IMPORT,
                "title": (
                    f"Imported from {self.filename} on "
                    f"{self.today.day} {self.today:%B} {self.today.year}"
                )[:300],
                "date": self.today,
                "date_precision": Precision.DAY,
            },
        )
        cited = {citation.signatory_id: citation for citation in source.citations.all()}
        return source, cited

    def _write(self, planned: list[_Planned], source: Source, cited: dict) -> None:
        now = timezone.now()
        created = [p for p in planned if p.result.outcome == CREATED]
        updated = [p for p in planned if p.result.outcome == UPDATED]
        history = {"default_user": self.user, "default_change_reason": self.reason}
        for p in created:
            p.signatory.derive()
        if created:
            objects = bulk_create_with_history(
                [p.signatory for p in created], Signatory, batch_size=CHUNK, **history
            )
            for p, signatory in zip(created, objects, strict=True):
                p.signatory = signatory
        for p in updated:
            p.signatory.derive()
            p.signatory.updated = now
        if updated:
            bulk_update_with_history(
                [p.signatory for p in updated],
                Signatory,
                WRITTEN_FIELDS,
                batch_size=CHUNK,
                **history,
            )
        new_citations, changed_citations = [], []
        for p in created + updated:
            citation = cited.get(p.signatory.pk)
            if citation is None:
                new_citations.append(
                    Citation(
                        source=source,
                        signatory=p.signatory,
                        passage=p.text,
                        basis=CitationBasis.STATED,
                    )
                )
            elif citation.passage != p.text:
                citation.passage, citation.updated = p.text, now
                changed_citations.append(citation)
        if new_citations:
            bulk_create_with_history(new_citations, Citation, batch_size=CHUNK, **history)
        if changed_citations:
            bulk_update_with_history(
                changed_citations, Citation, ["passage", "updated"], batch_size=CHUNK, **history
            )


class _RollBack(Exception):
    def __init__(self, report: Report):
        super().__init__("rolled back")
        self.report = report


def _with_alias(aliases: str, alias: str, name: str) -> str:
    known = [part for part in aliases.split(ALIAS_SEPARATOR.strip()) if part.strip()]
    normalised = {normalise(part) for part in known} | {normalise(name)}
    if normalise(alias) in normalised:
        return aliases
    return ALIAS_SEPARATOR.join([*(part.strip() for part in known), alias])


def _comparable(value):
    return str(value) if value is not None and not isinstance(value, bool) else value


def import_file(path: str, *, dry_run=False, skip_invalid=False, user=None) -> Report:
    """Import a file on disk (the management command's entry point)."""
    return Importer(lambda: open(path, "rb"), path, user=user).run(  # noqa: SIM115
        dry_run=dry_run, skip_invalid=skip_invalid
    )


def import_bytes(content: bytes, filename: str, *, dry_run=False, skip_invalid=False, user=None):
    """Import an uploaded file's content (the admin's entry point)."""
    return Importer(lambda: io.BytesIO(content), filename, user=user).run(
        dry_run=dry_run, skip_invalid=skip_invalid
    )

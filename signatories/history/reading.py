"""Reading one supporter file (`_supporters/*.md`) into a `Record` in today's vocabulary.

The files changed shape over the years, and a record must read the same whichever shape it
was written in, or every re-filing would look like a correction:

- the very first commit (6dcb8c4) has bare `key: value` lines, no `---` fences, and marks
  alliances in the name (`ABB**`, `Siemens*`), as the spreadsheet did; from 17279d6 the
  extraction script moved the marks to `alliance:` (`**` Cybersecurity Tech Accord,
  `*` Charter of Trust) — read both ways to the same `alliance`;
- until 10 November 2019, categories are `private_sector`, `civil_society`, and countries
  and states are named in French (see `french_countries`); later, `private-sector` and
  alpha-3 codes;
- `date_signed` before 10 November 2019 is a constant the extraction script wrote for every
  file (`2018-11-12`, the Call's date, from 9fdb057; `2019-10-10` from 3fa4dcd): emptied;
- a few files are not valid YAML (a name on two lines, an unescaped quote, an unclosed
  quote), and in one YAML reads a name as a comment (`name: #cnetz`): they are read line by
  line, as `key: value`, which is what their author meant.
"""

import dataclasses
import datetime
import functools
import re
import unicodedata

import yaml
from django_countries import countries

from signatories.history.french_countries import FRENCH_NAMES, NO_COUNTRY, normalise_key

CATEGORIES = {
    "state": "state",
    "public-authority": "public-authority",
    "private-sector": "private-sector",
    "civil-society": "civil-society",
    "private_sector": "private-sector",
    "civil_society": "civil-society",
    # b32fc48 (2019-11-09) wrote `local_authority`, which cff152c renamed `public-authority`.
    "local_authority": "public-authority",
    "public_authority": "public-authority",
}
ALLIANCES = {
    "cyber tech accord": "cyber-tech-accord",
    "charter of trust": "charter-of-trust",
}
PLACEHOLDER_DATES = frozenset({"2018-11-12", "2019-10-10"})

_FIELDS = ("name", "category", "nature", "nationality", "alliance", "date_signed")
_LINE = re.compile(r"^(?P<key>[a-z_]+):\s?(?P<value>.*)$")


class UnreadableRecord(ValueError):
    """A supporter file says something this reader cannot map (an unknown country name)."""


@dataclasses.dataclass(frozen=True)
class Record:
    name: str
    category: str
    country: str
    nature: str
    alliance: str
    date_signed: str

    # The fields whose change is an event; spacing in them is no change.
    COMPARED = ("name", "category", "country", "nature", "date_signed")

    def compared(self) -> tuple[str, ...]:
        return tuple(" ".join(getattr(self, field).split()) for field in self.COMPARED)


def _text(value) -> str:
    """A field's value, trimmed, its lines joined by a space."""
    # A mapping or a list is no field's value: in one file of 6dcb8c4 a stray `ate_signed:`
    # under `date_signed:` reads as a mapping.
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return " ".join(line.strip() for line in str(value).splitlines() if line.strip())


def _unquote(value: str) -> str:
    value = value.strip()
    if value.startswith('"'):
        value = value[1:-1] if value.endswith('"') and len(value) > 1 else value[1:]
        value = value.replace('\\"', '"')
    elif value.startswith("'") and value.endswith("'") and len(value) > 1:
        value = value[1:-1].replace("''", "'")
    return value


def _front_matter(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].strip() == "---":
        body = []
        for line in lines[1:]:
            if line.strip() == "---":
                break
            body.append(line)
        return "\n".join(body)
    return "\n".join(lines)


def _fields_by_line(front_matter: str) -> dict[str, str]:
    """The fields of a file YAML rejects: a line that starts no field continues the last."""
    fields: dict[str, str] = {}
    last = None
    for line in front_matter.split("\n"):
        match = _LINE.match(line)
        if match:
            last = match["key"]
            fields[last] = _unquote(match["value"])
        elif last and fields[last] and line.strip():
            fields[last] = f"{fields[last]} {line.strip()}"
    return fields


def _fields(text: str) -> dict[str, str]:
    front_matter = _front_matter(text)
    try:
        loaded = yaml.safe_load(front_matter)
    except yaml.YAMLError:
        loaded = None
    by_line = _fields_by_line(front_matter)
    if not isinstance(loaded, dict):
        loaded = by_line
    # `name: #cnetz` is a YAML comment, an empty name to YAML; its author meant `#cnetz`.
    return {field: _text(loaded.get(field)) or _text(by_line.get(field)) for field in _FIELDS}


def _country(nationality: str, category: str, name: str) -> str:
    # A state's country is the state itself: the first commits wrote `UE` or nothing as its
    # nationality and the country as its name.
    if category == "state" and not re.fullmatch(r"[A-Z]{3}", nationality):
        nationality = name
    if re.fullmatch(r"[A-Z]{3}", nationality):
        return nationality
    if re.fullmatch(r"[A-Z]{2}", nationality):
        code = countries.alpha3(nationality)
        if code:
            return code
    key = normalise_key(nationality)
    if key in NO_COUNTRY:
        return ""
    if key in FRENCH_NAMES:
        return FRENCH_NAMES[key]
    raise UnreadableRecord(f"unknown country {nationality!r}")


def _name_and_alliance(name: str, alliance: str) -> tuple[str, str]:
    marks = set()
    if "**" in name:
        marks.add("cyber-tech-accord")
        name = name.replace("**", "", 1)
    if "*" in name:
        marks.add("charter-of-trust")
        name = name.replace("*", "", 1)
    for part in alliance.split(","):
        if part.strip():
            marks.add(ALLIANCES.get(part.strip().casefold(), part.strip()))
    return name.strip(), " ".join(sorted(marks))


def read_record(content: bytes) -> Record:
    fields = _fields(content.decode("utf-8"))
    name, alliance = _name_and_alliance(fields["name"], fields["alliance"])
    category = CATEGORIES.get(fields["category"], "")
    date_signed = fields["date_signed"]
    nature = fields["nature"]
    # The first commits marked the states of the European Union with `nationality: UE`;
    # from 2019-11-09 the list says it as `nature: UE`.
    if category == "state" and not nature and normalise_key(fields["nationality"]) == "ue":
        nature = "UE"
    return Record(
        name=name,
        category=category,
        country=_country(fields["nationality"], category, name),
        nature=nature,
        alliance=alliance,
        date_signed="" if date_signed in PLACEHOLDER_DATES else date_signed,
    )


@functools.cache
def normalised_name(name: str) -> str:
    """A name blind to case, accents, punctuation and spacing: `Société Générale` and
    `SOCIETE-GENERALE` are one name."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(
        character
        for character in decomposed
        if character.isalnum() and not unicodedata.combining(character)
    )

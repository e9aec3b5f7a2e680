"""Matching a row to a recorded supporter by its natural key, with every key in memory.

A state is its country; any other supporter is its slug, or its normalised name and
country. The keys are loaded once per import and kept up to date as rows are planned, so
a file that renames or adds a supporter is matched against what it has done so far.
"""

from django.utils.text import slugify

from signatories.models import Signatory, SignatoryType
from signatories.text import name_key, normalise


class KeyIndex:
    """Every supporter's natural keys, loaded once; kept up to date as rows are planned.

    Keys point at a primary key, or at ``("line", N)`` for a supporter the file itself adds.
    """

    def __init__(self):
        self.slugs: dict[str, object] = {}
        self.states: dict[str, object] = {}
        self.names: dict[tuple[str, str], list[tuple[object, str]]] = {}
        self.exact: dict[tuple[str, str, str], object] = {}  # by name key, as the database

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
        self.exact[(name_key(name), country, type_)] = key

    def remove(self, key, name: str, country: str, type_: str) -> None:
        if type_ == SignatoryType.STATE and self.states.get(country) == key:
            del self.states[country]
        entries = self.names.get((normalise(name), country), [])
        entries[:] = [entry for entry in entries if entry[0] != key]
        if self.exact.get((name_key(name), country, type_)) == key:
            del self.exact[(name_key(name), country, type_)]

    def match(self, values: dict) -> object | None:
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

    def recorded_with_names(self, names: set[str]) -> set[int]:
        """The recorded supporters with any of these normalised names, in any country."""
        return {
            key
            for (name, _country), entries in self.names.items()
            if name in names
            for key, _type in entries
            if isinstance(key, int)
        }

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

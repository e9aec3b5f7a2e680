"""The varied workload: list URLs as readers send them, each one only once in a run.

Readers come in visits. A visit starts on the list (browsing, with a filter or two) or with
a search typed in the box (a word fragment of 1 to 8 letters, sometimes two words, sometimes
with the accents a French speaker types), then refines it a few times: ticks a type,
region or country, picks a year, asks for former supporters or all of them, sorts, turns a
page. The same seed always gives the same URLs; a URL already given is never given again,
so every request asks the server something it has not been asked in this run.

A refinement picks one of `REFINEMENTS`, a list of (weight, parameter, generator): a
parameter the list does not have (`known`, read from the list's filters by the bench) is
never sent, so a new filter is benchmarked by adding one line there.

    python scripts/bench/workload.py COUNT [SEED] > urls.txt
"""

import datetime
import random
import sys
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit

LIST = "/signatories/"
TYPES = ["state", "public-authority", "private-sector", "civil-society"]
REGIONS = ["africa", "americas", "asia", "europe", "oceania", "unknown"]
# Countries readers pick most, and a long tail.
COUNTRIES = "FR US GB DE JP CA IT ES NL BE CH SE KE NG IN BR MX AU NZ SG KR MA SN ZA".split()  # noqa: SIM905  (codes read better as words)
TAIL = "AR CL CO PE EG TN GH ET PL CZ AT DK FI NO IE PT GR RO HU UA TR IL AE SA ID MY TH VN".split()  # noqa: SIM905
YEARS = list(range(2018, 2026))
# Organisation kinds the synthetic supporters have (signatories/management/synthetic.py), as
# the list's `kind` parameter spells them (a kind's slug).
KINDS = ["company", "university", "foundation", "think-tank", "agency", "local-authority", "ngo"]
FIRST_DAY, LAST_DAY = datetime.date(2018, 11, 12), datetime.date(2025, 12, 25)
SORTS = ["name", "-name", "since", "-since"]
STATUSES = ["current", "former", "all"]
# Words in supporters' names, as people type them (some with accents the names lack, some
# missing from every name, as real searches often are).
WORDS = (  # noqa: SIM905  (a list of words reads better as words)
    "cyber digital secure security trust network data cloud signal quantum resilience "
    "infrastructure privacy crypto identity software systems internet information code open "
    "civic policy research defence integrity shield bridge beacon sentinel vector matrix "
    "circuit protocol institute foundation alliance society forum centre agency authority "
    "office council technologies solutions labs group partners industries aurora atlas baltic "
    "boreal cedar coastal danube delta eastern fjord granite harbor highland horizon nordic "
    "pacific prairie riverside sahel savanna sierra steppe summit valley western zurich "
    "montreal krakow malmo france japan kenya germany canada microsoft telecom university "
    "association ministry"
).split()
ACCENTED = {
    "securite": "sécurité",
    "numerique": "numérique",
    "reseau": "réseau",
    "donnees": "données",
    "societe": "société",
    "ethique": "éthique",
    "zurich": "zürich",
    "montreal": "montréal",
    "krakow": "kraków",
    "malmo": "malmö",
    "genie": "génie",
    "confiance": "confiance",
}
WORDS += list(ACCENTED)


def urls(
    count: int, seed: int = 0, known: set[str] | None = None, exclude: set[str] = frozenset()
) -> list[str]:
    """`count` different list URLs, the same ones for the same seed; only parameters in
    `known` (all when None); none of `exclude` (URLs already sent)."""
    rng = random.Random(seed)
    seen: set[str] = set(exclude)
    found: list[str] = []
    refinements = [r for r in REFINEMENTS if known is None or r[1] in known]
    while len(found) < count:
        for parameters in map(_tidy, _visit(rng, refinements)):
            url = LIST + ("?" + urlencode(parameters) if parameters else "")
            if url not in seen:
                seen.add(url)
                found.append(url)
    return found[:count]


def _visit(rng: random.Random, refinements: list) -> Iterator[list[tuple[str, str]]]:
    """One reader's requests: a first look, then a few refinements of it."""
    parameters: list[tuple[str, str]] = []
    if rng.random() < 0.55:
        parameters.append(("q", _search(rng)))
    else:
        parameters += _filters(rng, rng.choice([0, 1, 1, 2]))
    yield parameters
    weights = [weight for weight, _name, _make in refinements]
    for _ in range(rng.choice([1, 2, 3, 4])):
        _weight, name, make = rng.choices(refinements, weights)[0]
        # Changing a filter drops the page, as the form does; turning a page keeps them.
        parameters = _without_page(parameters) + [(name, make(rng))]
        yield parameters


def _as_of(rng: random.Random) -> str:
    return (
        FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    ).isoformat()


# (weight, parameter, a value for it): what a refinement does.
REFINEMENTS = [
    (0.12, "type", lambda rng: rng.choice(TYPES)),
    (0.09, "region", lambda rng: rng.choice(REGIONS)),
    (
        0.09,
        "country",
        lambda rng: rng.choice(COUNTRIES) if rng.random() < 0.7 else rng.choice(TAIL),
    ),
    (0.05, "since", lambda rng: str(rng.choice(YEARS))),
    (0.15, "sort", lambda rng: rng.choice(SORTS)),
    (0.10, "status", lambda rng: rng.choice(STATUSES)),
    (0.30, "page", lambda rng: str(rng.choice([2, 2, 2, 3, 3, 4, 5]))),
    (0.05, "kind", lambda rng: rng.choice(KINDS)),
    (0.05, "as_of", _as_of),
]


def search_class(url: str) -> str:
    """What a URL asks, for the service-time report: `short` (a search of 1-2 letters),
    `two words`, `search` (another search), or `browse` (no search)."""
    q = dict(parse_qsl(urlsplit(url).query)).get("q", "")
    words = q.split()
    if not words:
        return "browse"
    if len(words) >= 2:
        return "two words"
    return "short" if len(words[0]) <= 2 else "search"


SINGLE = ("q", "since", "sort", "status", "page", "as_of")


def _tidy(parameters: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each value once; a parameter that takes one value keeps the last one chosen."""
    last = {name: value for name, value in parameters if name in SINGLE}
    tidy = []
    for name, value in parameters:
        if (name, value) not in tidy and last.get(name, value) == value:
            tidy.append((name, value))
    return tidy


def _without_page(parameters: list[tuple[str, str]]) -> list[tuple[str, str]]:
    # Changing a filter drops the page, as the form does.
    return [(name, value) for name, value in parameters if name != "page"]


def _filters(rng: random.Random, count: int) -> list[tuple[str, str]]:
    chosen = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.35:
            chosen.append(("type", rng.choice(TYPES)))
        elif kind < 0.6:
            chosen.append(("region", rng.choice(REGIONS)))
        elif kind < 0.85:
            country = rng.choice(COUNTRIES) if rng.random() < 0.7 else rng.choice(TAIL)
            chosen.append(("country", country))
        else:
            chosen.append(("since", str(rng.choice(YEARS))))
    return chosen


def _search(rng: random.Random) -> str:
    """A fragment as people type it: often the start of a word, sometimes two words."""
    words = [_fragment(rng, rng.choice(WORDS))]
    if rng.random() < 0.2:
        words.append(_fragment(rng, rng.choice(WORDS)))
    text = " ".join(words)
    return text.capitalize() if rng.random() < 0.3 else text


def _fragment(rng: random.Random, word: str) -> str:
    if word in ACCENTED and rng.random() < 0.5:
        word = ACCENTED[word]
    # Lengths 1-2 are rare but real (the first keystrokes); most type 3 letters or more.
    length = rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 20])
    start = 0 if rng.random() < 0.8 else rng.randrange(max(1, len(word) - length))
    return word[start : start + length]


if __name__ == "__main__":
    print("\n".join(urls(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0)))

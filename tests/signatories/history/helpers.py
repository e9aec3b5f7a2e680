"""A small history file in the agreed format, and the snapshot it ends with."""

import csv
import io

from signatories.history.rows import COLUMNS

HEADER = ",".join(COLUMNS)
C1 = "1" * 40  # 2019-09-16: the repository's first supporters
C2 = "2" * 40  # 2019-11-10: Acme's country corrected
C3 = "3" * 40  # 2020-03-01: Old Org and a duplicate of Stays removed
C4 = "4" * 40  # 2020-05-01: Gamma removed
C5 = "5" * 40  # 2020-07-01: Gamma back
C6 = "6" * 40  # 2020-11-20: Beta Ltd's entry now names Beta Holdings
C7 = "7" * 40  # 2021-11-12: Newcomer listed


def row(
    date,
    commit,
    kind,
    entry,
    name,
    category,
    country,
    nature,
    *,
    alliance="",
    date_signed="",
    before=("", "", "", ""),
    message="",
) -> str:
    """One line of the file, quoted as the csv module quotes it."""
    cells = [
        date,
        commit,
        kind,
        entry,
        f"_supporters/{entry}.md",
        name,
        category,
        country,
        nature,
        alliance,
        date_signed,
        *before,
        message,
    ]
    stream = io.StringIO()
    csv.writer(stream, lineterminator="").writerow(cells)
    return stream.getvalue()


ROWS = [
    row(
        "2019-09-16",
        C1,
        "listed",
        "abb",
        "ABB",
        "private-sector",
        "SWE",
        "Entreprise",
        alliance="charter-of-trust",
        message="Import supporters",
    ),
    row(
        "2019-09-16",
        C1,
        "listed",
        "suede",
        "Suède",
        "state",
        "SWE",
        "UE",
        message="Import supporters",
    ),
    row(
        "2019-09-16",
        C1,
        "listed",
        "france",
        "France",
        "state",
        "FRA",
        "UE",
        message="Import supporters",
    ),
    row(
        "2019-09-16",
        C1,
        "listed",
        "acme",
        "Acme Corp",
        "private-sector",
        "USA",
        "Entreprise",
        alliance="cyber-tech-accord",
        message="Import supporters",
    ),
    row(
        "2019-09-16",
        C1,
        "listed",
        "old-org",
        "Old Org",
        "civil-society",
        "FRA",
        "ONG",
        message="Import supporters",
    ),
    row(
        "2019-09-16",
        C1,
        "listed",
        "stays",
        "Stays",
        "civil-society",
        "ESP",
        "ONG",
        message="Import supporters",
    ),
    row(
        "2019-09-16",
        C1,
        "listed",
        "stays-copy",
        "Stays",
        "civil-society",
        "ESP",
        "ONG",
        message="Import supporters",
    ),
    row(
        "2019-09-16",
        C1,
        "listed",
        "gamma",
        "Gamma",
        "civil-society",
        "KEN",
        "ONG",
        message="Import supporters",
    ),
    row(
        "2019-09-16",
        C1,
        "listed",
        "beta",
        "Beta Ltd",
        "private-sector",
        "GBR",
        "Entreprise",
        message="Import supporters",
    ),
    row(
        "2019-11-10",
        C2,
        "corrected",
        "acme",
        "Acme Corp",
        "private-sector",
        "GBR",
        "Entreprise",
        before=("Acme Corp", "private-sector", "USA", "Entreprise"),
        message="Fix Acme's country",
    ),
    row(
        "2020-03-01",
        C3,
        "delisted",
        "old-org",
        "Old Org",
        "civil-society",
        "FRA",
        "ONG",
        message="Remove supporters",
    ),
    row(
        "2020-03-01",
        C3,
        "delisted",
        "stays-copy",
        "Stays",
        "civil-society",
        "ESP",
        "ONG",
        message="Remove supporters",
    ),
    row(
        "2020-05-01",
        C4,
        "delisted",
        "gamma",
        "Gamma",
        "civil-society",
        "KEN",
        "ONG",
        message="Remove Gamma",
    ),
    row(
        "2020-07-01",
        C5,
        "relisted",
        "gamma",
        "Gamma",
        "civil-society",
        "KEN",
        "ONG",
        message="Gamma is back",
    ),
    row(
        "2020-11-20",
        C6,
        "renamed",
        "beta",
        "Beta Holdings",
        "private-sector",
        "GBR",
        "Entreprise",
        before=("Beta Ltd", "private-sector", "GBR", "Entreprise"),
        message="Rename, tidy",
    ),
    row(
        "2021-11-12",
        C7,
        "listed",
        "newcomer",
        "Newcomer",
        "public-authority",
        "DEU",
        "Organisme public",
        date_signed="2021-11-11",
        message="Add Newcomer",
    ),
]

# The official list at the end of that history, as `make run` imports it first.
SNAPSHOT = [
    "ABB,private-sector,SWE,Entreprise,,,,,2019-11-10,",
    "Suède,state,SWE,UE,,,,,2019-11-10,",
    "France,state,FRA,UE,,,,,2019-11-10,",
    "Acme Corp,private-sector,GBR,Entreprise,,,,,2019-11-10,",
    "Stays,civil-society,ESP,ONG,,,,,2019-11-10,",
    "Gamma,civil-society,KEN,ONG,,,,,2020-07-01,",
    "Beta Holdings,private-sector,GBR,Entreprise,,,,,2020-11-20,",
    "Newcomer,public-authority,DEU,Organisme public,,,,2021-11-11,2021-11-12,",
]


def history(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"

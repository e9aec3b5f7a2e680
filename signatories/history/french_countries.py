"""The French country names of the list's first commits, mapped to ISO 3166 alpha-3 codes.

Until 10 November 2019 the supporter files named a country in French, as the site's
spreadsheet did (`nationality: Suède`), and a state by its French name (`name: Suède`,
`nationality: UE` for the members of the European Union). From then on they carry a code,
written by the extraction script from the site's own table (`_scripts/country-codes.xlsx`,
column `usual-fr`). This table maps every spelling those first commits use, misspellings
included, to the code the list writes for that country at HEAD: `ROM` for Romania, `MTG` for
Montenegro and `SCG` for Serbia are the list's own codes, kept so that a re-filed entry does
not look corrected.

Keys are compared after `normalise_key` (Unicode NFC, spaces collapsed, case folded).
"""

import unicodedata

# Values that name no single country: the entry had no country then.
NO_COUNTRY = frozenset({"", "ue", "international"})

_NAMES = {
    "Afrique du Sud": "ZAF",
    "Albanie": "ALB",
    "Allemagne": "DEU",
    "Ancienne République yougoslave de Macédoine": "MKD",
    "Andorre": "AND",
    "Argentine": "ARG",
    "Australie": "AUS",
    "Autriche": "AUT",
    "Azerbaïdjan": "AZE",
    "Belgique": "BEL",
    "Bolivie": "BOL",
    "Bosnie-Herzégovine": "BIH",
    "Brésil": "BRA",
    # DIGITALEUROPE's seat: the city is in Belgium, which the list writes for it later.
    "Bruxelles (UE)": "BEL",
    "Bulgarie": "BGR",
    "Burkina Faso": "BFA",
    "Canada": "CAN",
    "Chili": "CHL",
    "Chine": "CHN",
    "Chypre": "CYP",
    "Colombie": "COL",
    "Corée du Sud": "KOR",
    "Croatie": "HRV",
    "Danemark": "DNK",
    "Emirats Arabe Unis": "ARE",
    "Espagne": "ESP",
    "Estonie": "EST",
    "Etat du Koweït": "KWT",
    "Etat indépendant de Papouasie-Nouvelle-Guinée": "PNG",
    "Etats-Unis": "USA",
    "Finlande": "FIN",
    "France": "FRA",
    "Gabon": "GAB",
    "Ghana": "GHA",
    "Grèce": "GRC",
    "Guatemala": "GTM",
    "Honduras": "HND",
    "Hongrie": "HUN",
    "Inde": "IND",
    "Indonésie": "IDN",
    "Irlande": "IRL",
    "Islande": "ISL",
    "Italie": "ITA",
    "Japon": "JPN",
    "Kazakhstan": "KAZ",
    "Kosovo": "XKX",
    "Laos": "LAO",
    "Lettonie": "LVA",
    "Liban": "LBN",
    "Lituanie": "LTU",
    "Luxembourg": "LUX",
    "Macédoine": "MKD",
    "Malaisie": "MYS",
    "Malaysie": "MYS",
    "Malte": "MLT",
    "Maroc": "MAR",
    "Mexique": "MEX",
    "Moldavie": "MDA",
    "Mongolie": "MNG",
    "Monténégro": "MTG",
    "Norvège": "NOR",
    "Nouvelle-Zélande": "NZL",
    "Ouzbékistan": "UZB",
    "Panama": "PAN",
    "Pays-Bas": "NLD",
    "Peru": "PER",
    "Pérou": "PER",
    "Péru": "PER",
    "Pologne": "POL",
    "Portugal": "PRT",
    "Principauté de Liechtenstein": "LIE",
    "Principauté de Monaco": "MCO",
    "Qatar": "QAT",
    "République d'Arménie": "ARM",
    "République d'argentine": "ARG",
    "République de Maurice": "MUS",
    "République de Saint-Marin": "SMR",
    "République de Serbie": "SCG",
    "République de Singapour": "SGP",
    "République des Philippines": "PHL",
    "République du Congo": "COG",
    "République du Pérou": "PER",
    "République tchèque": "CZE",
    "Roumanie": "ROM",
    "Royaume-Uni": "GBR",
    "Russie": "RUS",
    "Salvador": "SLV",
    "Singapour": "SGP",
    "Slovaquie": "SVK",
    "Slovénie": "SVN",
    "Suisse": "CHE",
    "Suède": "SWE",
    "Sénégal": "SEN",
    "Thailande": "THA",
    "Thaïlande": "THA",
    "Urugay": "URY",
    "Uruguay": "URY",
}


def normalise_key(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split()).casefold()


FRENCH_NAMES = {normalise_key(name): code for name, code in _NAMES.items()}

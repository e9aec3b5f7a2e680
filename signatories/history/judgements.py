"""The cases the rules of `derive` decide wrongly, decided by hand from the record.

Each entry names the files (as named at the commit where the case arises) and says why;
docs/data.md lists them by commit.
"""

# Two files that name one organisation although their names share too little for the
# rules to see it: paired when one replaces the other, one entry when both are listed.
SAME_ORGANISATION: dict[frozenset[str], str] = {
    frozenset(
        {
            "camara_de_comercio_hondurena_america_am_cham_honduras.md",
            "american_chamber_of_commerce_in_honduras.md",
        }
    ): (
        "b32fc48 (2019-11-09) re-files 'Cámara de Comercio Hondureña America - AmCham "
        "Honduras' as 'American Chamber of Commerce in Honduras': AmCham is the American "
        "Chamber, same category, same country, in the same commit."
    ),
    frozenset(
        {
            "la_federation_ibero_americaine_des_associations_de_droit_et_informatique_fiadi.md",
            "federacion_iberoamericana_de_asociaciones_de_derecho_e_informatica_a_c.md",
        }
    ): (
        "e0aa968 (2019-10-17) added the Spanish name of the federation the list had in "
        "French since 6dcb8c4 (FIADI, Uruguay); b32fc48 (2019-11-09) drops the French one: "
        "a duplicate removed, not a departure."
    ),
}

# Files that did not name a supporter: (file name, commit or None for every commit) -> why.
# Such a file is read as absent.
IGNORED_FILES: dict[tuple[str, str | None], str] = {
    ("new-supporter.md", None): (
        "cf91632 creates 'New supporter' (the template's placeholder) on 2022-10-20 at "
        "12:40 and d539222 deletes it two minutes later: never a supporter."
    ),
    ("interpol-international-organization.md", "4e713e5"): (
        "4e713e5 (2024-01-19 14:13 UTC) creates INTERPOL's file as a copy of Europol's "
        "(name, country and nature of Europol, which stays listed); 764248c fills it in two "
        "minutes later. INTERPOL is listed from 764248c, and Europol is not renamed."
    ),
}


def ignored(file_name: str, commit: str) -> bool:
    return (file_name, None) in IGNORED_FILES or (file_name, commit[:7]) in IGNORED_FILES

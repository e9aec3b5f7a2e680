"""Facet counts and totals summed from the counts by (type, kind, region, country)."""

from signatories.directory.facets import sum_cube

CUBE = [
    ("state", "", "europe", "FR", 1),
    ("civil-society", "ngo", "europe", "FR", 4),
    ("civil-society", "university", "europe", "FR", 1),
    ("civil-society", "university", "africa", "KE", 3),
    ("private-sector", "company", "africa", "KE", 7),
    ("public-authority", "", "europe", "", 2),
]
NOTHING = {"type": set(), "kind": set(), "region": set(), "country": set()}


def test_with_no_choice_every_option_counts_all_its_supporters():
    counts = sum_cube(CUBE, NOTHING)
    assert counts["total"] == 18
    assert counts["type"] == {
        "state": 1,
        "civil-society": 8,
        "private-sector": 7,
        "public-authority": 2,
    }
    assert counts["region"] == {"europe": 8, "africa": 10}
    assert counts["country"] == {"FR": 6, "KE": 10, "": 2}


def test_each_facet_counts_its_options_with_the_other_choices_kept():
    counts = sum_cube(CUBE, {**NOTHING, "type": {"civil-society"}, "region": {"europe"}})
    assert counts["total"] == 5
    # Types under the region chosen; regions under the type chosen; countries under both.
    assert counts["type"] == {"state": 1, "civil-society": 5, "public-authority": 2}
    assert counts["region"] == {"europe": 5, "africa": 3}
    assert counts["country"] == {"FR": 5}


def test_several_options_of_one_facet_are_alternatives():
    counts = sum_cube(
        CUBE, {**NOTHING, "country": {"FR", "KE"}, "type": {"state", "private-sector"}}
    )
    assert counts["total"] == 8
    assert counts["country"] == {"FR": 1, "KE": 7}
    assert counts["type"] == {"state": 1, "civil-society": 8, "private-sector": 7}


def test_kinds_are_a_facet_like_the_others():
    counts = sum_cube(CUBE, {**NOTHING, "kind": {"university"}})
    assert counts["total"] == 4
    assert counts["kind"] == {"": 3, "ngo": 4, "university": 4, "company": 7}
    assert counts["type"] == {"civil-society": 4}
    assert counts["region"] == {"europe": 1, "africa": 3}
    assert sum(counts["region"].values()) == counts["total"]

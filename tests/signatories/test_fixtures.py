"""The seeded data: what the articles say, checked against the official list (docs/data.md)."""

import datetime
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from principles.models import Principle
from signatories.models import Citation, Milestone, MilestoneCount, Signatory, Source

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FIXTURE_FILES = sorted(str(path) for path in FIXTURES.glob("*.json"))
MODELS = (Source, Signatory, Milestone, MilestoneCount, Citation, Principle)

EU_MEMBERS_IN_JANUARY_2019 = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB",
}  # fmt: skip
NAMED_BY_THE_ARTICLE = {"AU", "JP", "NZ", "SG", "KR"}
NATO_MEMBERS_OUTSIDE_THE_EU = {"AL", "CA", "IS", "ME", "NO"}  # Turkey and the US left out

OFFICIAL_TITLES = [
    "Protect individuals and infrastructure",
    "Protect the Internet",
    "Defend electoral processes",
    "Defend intellectual property",
    "Non-proliferation",
    "Lifecycle security",
    "Cyber hygiene",
    "No private hack back",
    "International norms",
]


def _load() -> None:
    call_command("loaddata", *FIXTURE_FILES, verbosity=0)


@pytest.fixture
def seeded() -> None:
    _load()


def _row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_fixture_records_carry_no_primary_keys():
    for path in FIXTURE_FILES:
        for record in json.loads(Path(path).read_text()):
            assert "pk" not in record, path


def test_the_principles_file_loads_on_its_own():
    call_command("loaddata", str(FIXTURES / "principles.json"), verbosity=0)
    assert Principle.objects.count() == 9


def test_loading_twice_changes_nothing():
    _load()
    first = _row_counts()
    ids = {model.__name__: set(model.objects.values_list("pk", flat=True)) for model in MODELS}
    _load()
    assert _row_counts() == first
    assert {
        model.__name__: set(model.objects.values_list("pk", flat=True)) for model in MODELS
    } == ids
    assert first == {
        "Source": 4,
        "Signatory": 44,
        "Milestone": 9,
        "MilestoneCount": 28,
        "Citation": 104,
        "Principle": 9,
    }


def test_every_record_passes_model_validation(seeded):
    for model in MODELS:
        for record in model.objects.all():
            record.full_clean()


def test_the_states_are_those_the_articles_name_or_imply_and_the_list_confirms(seeded):
    states = set(Signatory.objects.states().values_list("country", flat=True))
    assert states == EU_MEMBERS_IN_JANUARY_2019 | NAMED_BY_THE_ARTICLE | (
        NATO_MEMBERS_OUTSIDE_THE_EU
    ) | {"US"}
    assert len(states) == 39


def test_states_are_named_by_their_english_short_name(seeded):
    for state in Signatory.objects.states():
        assert state.name == state.country.name
    assert Signatory.objects.get(country="KR", type="state").name == "South Korea"


def test_early_states_are_supporters_by_january_2019(seeded):
    early = Signatory.objects.states().exclude(country="US")
    assert early.count() == 38
    for state in early:
        assert state.supporter_since == datetime.date(2019, 1, 1)
        assert state.supporter_since_precision == "month"
        assert state.supporter_since_is_bound
        assert state.since_display == "by January 2019"


def test_the_united_states_and_the_european_union_joined_in_november_2021(seeded):
    united_states = Signatory.objects.get(country="US", type="state")
    assert united_states.since_iso == "2021-11-11"
    assert united_states.supporter_since_precision == "day"
    assert not united_states.supporter_since_is_bound

    european_union = Signatory.objects.get(slug="european-union")
    assert european_union.type == "public-authority"
    assert european_union.country == ""
    assert european_union.since_iso.startswith("2021-11")
    assert not european_union.supporter_since_is_bound


def test_india_and_turkey_are_not_seeded(seeded):
    assert not Signatory.objects.filter(country__in=["IN", "TR"]).exists()
    assert not Signatory.objects.search("india").exists()
    assert not Signatory.objects.search("turkey").exists()


def test_mentioned_organisations_the_list_confirms_are_seeded(seeded):
    seeded_organisations = dict(Signatory.objects.exclude(type="state").values_list("slug", "type"))
    assert seeded_organisations == {
        "european-union": "public-authority",
        "facebook": "private-sector",
        "interpol": "public-authority",
        "microsoft": "private-sector",
        "world-economic-forum": "civil-society",
    }
    assert not Signatory.objects.search("stoneturn").exists()
    assert not Signatory.objects.search("cybersecurity alliance").exists()


def test_every_supporter_cites_an_article_and_the_official_list(seeded):
    for signatory in Signatory.objects.prefetch_related("citations__source"):
        kinds = {citation.source.kind for citation in signatory.citations.all()}
        assert kinds == {"article", "official-list"}, signatory


def test_every_milestone_and_the_principles_the_articles_speak_to_are_cited(seeded):
    for milestone in Milestone.objects.all():
        assert milestone.citations.filter(source=milestone.source).exists(), milestone
    cited = set(Citation.objects.filter(principle__isnull=False).values_list("principle__number"))
    assert cited == {(1,), (2,), (3,)}


def test_citations_quote_a_passage_and_explain_what_they_derive(seeded):
    for citation in Citation.objects.all():
        assert citation.passage.strip() == citation.passage
        assert citation.passage
        if citation.basis == Citation.Basis.DERIVED:
            assert citation.reasoning


def test_the_nato_claim_is_called_inaccurate_where_it_is_used(seeded):
    for code in NATO_MEMBERS_OUTSIDE_THE_EU:
        citation = Citation.objects.get(signatory__country=code, source__kind="article")
        assert citation.basis == Citation.Basis.DERIVED
        assert "all but one member of NATO" in citation.passage
        assert "inaccurate" in citation.reasoning
        assert "Turkey" in citation.reasoning


def test_the_nine_principles_have_their_official_titles(seeded):
    assert list(Principle.objects.values_list("title", flat=True)) == OFFICIAL_TITLES
    assert list(Principle.objects.values_list("number", flat=True)) == list(range(1, 10))
    for principle in Principle.objects.all():
        assert principle.title_fr
        assert principle.text
        assert principle.text_fr


def test_milestones_keep_more_than_as_a_lower_bound(seeded):
    def counts(slug):
        return {
            count.type: (count.count, count.is_lower_bound)
            for count in MilestoneCount.objects.filter(milestone__slug=slug)
        }

    launch = Milestone.objects.get(slug="launch")
    assert launch.date == datetime.date(2018, 11, 12)
    assert launch.date_precision == "day"

    early = Milestone.objects.get(slug="early-2019")
    assert early.date_display == "January 2019"
    assert early.total is None
    assert counts("early-2019") == {
        "state": (64, False),
        "private-sector": (300, True),
        "civil-society": (150, True),
    }
    assert counts("november-2021") == {"state": (80, False), "private-sector": (700, True)}


def test_the_official_counts_are_milestones_of_their_own(seeded):
    official = Milestone.objects.filter(source__kind="official-list")
    assert [milestone.date.isoformat() for milestone in official] == [
        "2019-09-16",
        "2019-11-11",
        "2019-12-31",
        "2020-12-31",
        "2021-11-12",
        "2025-12-25",
    ]
    first = official.first()
    assert not first.counts.filter(type="public-authority").exists()
    assert first.total == 568
    last = official.last()
    assert last.total == 1222
    assert {count.type: count.count for count in last.counts.all()} == {
        "state": 81,
        "public-authority": 37,
        "civil-society": 391,
        "private-sector": 708,
    }


def test_regions_follow_m49_and_organisations_without_a_country_are_set(seeded):
    def region(slug):
        return Signatory.objects.get(slug=slug).region

    assert region("cyprus") == "asia"
    assert region("japan") == "asia"
    assert region("canada") == "americas"
    assert region("new-zealand") == "oceania"
    assert region("european-union") == "europe"
    assert region("interpol") == "international"
    assert region("world-economic-forum") == "europe"


def test_derived_fields_are_what_saving_would_make_them(seeded):
    # loaddata saves raw, skipping Signatory.save(): the fixtures carry the derived fields.
    for signatory in Signatory.objects.all():
        stored = (
            signatory.region,
            signatory.sort_name,
            signatory.name_key,
            signatory.search_text,
            signatory.supporter_since,
        )
        signatory.derive()
        assert (
            signatory.region,
            signatory.sort_name,
            signatory.name_key,
            signatory.search_text,
            signatory.supporter_since,
        ) == stored


@pytest.mark.parametrize(
    ("query", "country"),
    [
        ("royaume", "GB"),
        ("Royaume-Uni", "GB"),
        ("korea", "KR"),
        ("Corée", "KR"),
        ("États-Unis", "US"),
        ("united states", "US"),
        ("allemagne", "DE"),
        ("Czech Republic", "CZ"),
    ],
)
def test_search_finds_states_by_their_french_and_common_names(seeded, query, country):
    found = Signatory.objects.search(query).states()
    assert country in set(found.values_list("country", flat=True))

"""Search by words: the rules readers see, and the words' index kept in step with writes."""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from signatories.models import SearchWord, Signatory
from signatories.models import word_index as words
from tests.factories import EditorFactory, SignatoryFactory, StateFactory
from tests.signatories.importing.helpers import import_, official

LIST = reverse("signatories:list")


def _names(client, q: str, **parameters) -> list[str]:
    response = client.get(LIST, {"q": q, **parameters})
    assert response.status_code == 200
    return [signatory.name for signatory in response.context["page_obj"].object_list]


# What a name's words are: no database needed.


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CyberPeace Institute", ["cyber", "peace", "cyberpeace", "institute"]),
        ("Rio-Grande Network", ["rio", "grande", "network"]),
        ("Sécurité Numérique", ["securite", "numerique"]),
        ("ICANN", ["icann"]),
        ("L’Œuvre d'Orient", ["l", "oeuvre", "d", "orient"]),
    ],
)
def test_a_name_is_split_into_words_at_punctuation_and_case_changes(name, expected):
    assert words.words_of(name) == expected


def test_a_typed_word_that_begins_another_typed_word_is_implied_by_it():
    assert words.query_words("Sec  SÉCURITÉ cyber") == ("cyber", "securite")
    assert words.query_words("!!! ...") == ()


def test_each_supporter_counts_once_for_a_prefix_however_many_of_its_words_begin_so():
    postings = words.shared_prefixes(["secure", "securite", "data", "sec"])
    assert postings == [("data", 0), ("sec", 0), ("secure", 3), ("securite", 5)]
    # "sec" (3 letters) keeps only the first of the three words that begin with it.
    assert [word for word, shared in postings if word.startswith("sec") and shared < 3] == ["sec"]


# The rules, on the list.


@pytest.fixture
def named(db):
    return {
        "us": StateFactory(country="US", aliases="États-Unis"),
        "lausanne": SignatoryFactory(
            name="EPFL Center for Digital Trust, Lausanne", country="CH", slug="epfl"
        ),
        "security": SignatoryFactory(name="Global Forum on Cyber Security", slug="gfce"),
        "securite": SignatoryFactory(name="Agence de Sécurité Numérique", slug="asn"),
        "insecurity": SignatoryFactory(name="Insecurity Insight", slug="insecurity"),
        "microsoft": SignatoryFactory(
            name="Microsoft", type="private-sector", country="US", slug="microsoft"
        ),
        "peace": SignatoryFactory(name="CyberPeace Institute", country="CH", slug="cpi"),
        "threat": SignatoryFactory(name="Cyber Threat Alliance", slug="cta"),
        "rio": SignatoryFactory(name="Rio-Grande Network", country="BR", slug="rio"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("usa", ["United States of America"]),  # its ISO code, not Lausanne
        ("États", ["United States of America"]),  # its French name (an alias)
        ("etats-unis", ["United States of America"]),
        ("united states", ["United States of America"]),
        ("us", ["United States of America"]),  # US, not "Insecurity" nor Lausanne
        ("sec", ["Agence de Sécurité Numérique", "Global Forum on Cyber Security"]),
        ("SÉCU", ["Agence de Sécurité Numérique", "Global Forum on Cyber Security"]),
        ("micro", ["Microsoft"]),
        ("soft", []),  # words are found by their beginning
        ("cyber peace", ["CyberPeace Institute"]),  # both words
        ("peace", ["CyberPeace Institute"]),  # a case change splits words
        ("cyberpeace", ["CyberPeace Institute"]),  # and the word stays whole too
        ("grande", ["Rio-Grande Network"]),  # punctuation splits words
        ("network rio", ["Rio-Grande Network"]),  # in any order
        (
            "cyber",
            ["Cyber Threat Alliance", "CyberPeace Institute", "Global Forum on Cyber Security"],
        ),
        ("lausanne", ["EPFL Center for Digital Trust, Lausanne"]),
        ("insecure", []),
    ],
)
def test_every_word_typed_must_begin_a_word_of_a_name(client, named, q, found):
    assert _names(client, q) == found


@pytest.mark.django_db
def test_a_search_counts_and_filters_from_the_index(client, named):
    response = client.get(LIST, {"q": "cyber", "country": "CH"})
    assert "1 supporter" in response.text
    facet = next(facet for facet in response.context["facets"] if facet.name == "country")
    counts = {option.value: option.count for option in facet.options}
    assert counts["CH"] == 1
    assert "3 supporters" in client.get(LIST, {"q": "cyber", "type": "civil-society"}).text
    assert "No supporter matches" in client.get(LIST, {"q": "cyber", "type": "state"}).text
    assert _names(client, "cyber", sort="-name") == [
        "Global Forum on Cyber Security",
        "CyberPeace Institute",
        "Cyber Threat Alliance",
    ]


@pytest.mark.django_db
def test_the_exports_search_by_words_too(client, named):
    response = client.get(reverse("signatories:csv"), {"q": "usa"})
    text = b"".join(response.streaming_content).decode()
    assert "United States of America" in text
    assert "Lausanne" not in text


@pytest.mark.django_db
def test_a_former_supporter_is_searched_with_its_status(client, named):
    threat = named["threat"]
    threat.status, threat.left_on = "former", datetime.date(2024, 1, 15)
    threat.save()
    assert "Cyber Threat Alliance" not in _names(client, "threat")
    assert _names(client, "threat", status="former") == ["Cyber Threat Alliance"]


@pytest.mark.django_db
def test_a_new_search_is_counted_without_reading_the_supporters_table(
    client, named, django_assert_num_queries
):
    client.get(LIST)  # the directory's revision and its counts exist, as on a live site
    # The revision; the counts (not cached yet: counted, then kept in memory); the page's
    # ids from the index and its rows.
    with django_assert_num_queries(4) as queries:
        response = client.get(LIST, {"q": "cyber", "region": "europe"})
    assert response.status_code == 200
    sql = [query["sql"] for query in queries]
    counting = [statement for statement in sql if "GROUP BY" in statement]
    assert len(counting) == 1
    assert "signatories_searchword" in counting[0]
    assert "signatories_signatory" not in counting[0]
    on_supporters = [statement for statement in sql if "signatories_signatory" in statement]
    # One query reads supporters: the page's rows, by their ids.
    assert len(on_supporters) == 1
    assert '"signatories_signatory"."id" IN (' in on_supporters[0]


# The index follows every write, in the write's own transaction.


def _indexed(prefix: str) -> set[str]:
    low, high = words.prefix_range(prefix)
    rows = SearchWord.objects.filter(word__gte=low, word__lt=high)
    return set(rows.values_list("signatory__name", flat=True))


@pytest.mark.django_db
def test_a_save_writes_its_words_and_a_rollback_takes_them_back(named):
    peace = named["peace"]
    with transaction.atomic():
        peace.name = "Zanzibar Peace Institute"
        peace.save()
        assert _indexed("zanz") == {"Zanzibar Peace Institute"}
        assert _indexed("cyberp") == set()
        transaction.set_rollback(True)
    assert _indexed("zanz") == set()
    assert _indexed("cyberp") == {"CyberPeace Institute"}


@pytest.mark.django_db
def test_a_deleted_supporter_leaves_the_index(named):
    named["rio"].delete()
    assert _indexed("rio") == set()


@pytest.mark.django_db
def test_an_edit_in_admin_is_found_by_its_new_name_at_once(client, named):
    client.force_login(EditorFactory())
    microsoft = named["microsoft"]
    form = {
        "name": "Macrohard",
        "slug": microsoft.slug,
        "type": "private-sector",
        "country": "US",
        "region": "",
        "kind": "",
        "aliases": "Microsoft Corporation",
        "supporter_since": "",
        "supporter_since_precision": "day",
        "website": "",
        "twitter": "",
        "linkedin": "",
        "statement": "",
        "status": "current",
        "left_on": "",
        "left_source": "",
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
    }
    url = reverse("admin:signatories_signatory_change", args=[microsoft.pk])
    assert client.post(url, form).status_code == 302
    assert _indexed("macro") == {"Macrohard"}
    assert _indexed("corpor") == {"Macrohard"}  # its other names too
    client.logout()
    assert _names(client, "macro") == ["Macrohard"]
    assert _names(client, "micro") == ["Macrohard"]


@pytest.mark.django_db
def test_an_import_indexes_what_it_creates_updates_and_marks_as_left(tmp_path):
    SignatoryFactory(name="Acme", slug="acme", country="FR", type="private-sector")
    import_(
        tmp_path,
        official(
            "Allemagne,state,DEU,UE,,,,,2019-11-10,",
            "Quokka Labs,private-sector,FRA,Entreprise,,,,2021-11-11,2021-11-12,",
            "Acme,private-sector,FRA,Entreprise,https://acme.example,,,,2021-11-12,",
        ),
    )
    assert _indexed("quok") == {"Quokka Labs"}
    assert _indexed("allem") == {"Germany"}  # its French name, kept as an alias
    assert _indexed("deu") == {"Germany"}
    assert _indexed("acm") == {"Acme"}
    assert SearchWord.objects.filter(signatory__slug="acme").count() == 1


@pytest.mark.django_db
def test_an_import_that_is_rolled_back_leaves_the_index_as_it_was(tmp_path):
    report = import_(
        tmp_path,
        official(
            "Quokka Labs,private-sector,FRA,Entreprise,,,,2021-11-11,2021-11-12,",
            "No Category,,FRA,Entreprise,,,,2021-11-11,2021-11-12,",
        ),
    )
    assert report.rejected
    assert not Signatory.objects.exists()
    assert _indexed("quok") == set()


@pytest.mark.django_db(transaction=True)
def test_a_bulk_seed_indexes_every_supporter_in_its_transaction():
    call_command("seed_synthetic", count=300, stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = Signatory.objects.exclude(type="state").order_by("pk").first()
    word = words.words_of(first.name)[0]
    assert first.name in _indexed(word[:3])
    expected = sum(
        len(words.shared_prefixes(w for name in words.names_of(s) for w in words.words_of(name)))
        for s in Signatory.objects.all()
    )
    assert SearchWord.objects.count() == expected
    # Each supporter's columns, as they are on the supporter.
    carried = SearchWord.objects.filter(signatory=first).values_list(*words.CARRIED).first()
    assert carried == tuple(
        getattr(first, name) if name != "country" else first.country.code for name in words.CARRIED
    )


@pytest.mark.django_db
def test_a_search_of_as_many_words_as_fit_is_answered(client, named):
    many = " ".join(f"w{number}" for number in range(66))[:200]
    assert client.get(LIST, {"q": many}).status_code == 200
    assert client.get(reverse("signatories:csv"), {"q": many}).status_code == 200
    ideographs = " ".join(chr(0x4E00 + number) for number in range(100))[:200]
    assert "No supporter matches" in client.get(LIST, {"q": ideographs}).text

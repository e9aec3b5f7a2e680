"""The full exports are written once per revision of the directory and served as a file."""

import csv
import datetime
import io
import json
import os
import threading
import time

import pytest
from django.db import OperationalError, connection
from django.http import FileResponse, QueryDict
from django.urls import reverse

from signatories.directory.filters import SignatoryFilter
from signatories.exports import stream
from signatories.models import Signatory, SignatoryQuerySet
from signatories.models.revision import Revision
from tests.factories import SignatoryFactory

pytestmark = pytest.mark.django_db

JSON = reverse("signatories:json")
CSV = reverse("signatories:csv")


def _bytes(response) -> bytes:
    return b"".join(response.streaming_content)


def _streamed(respond) -> bytes:
    """What the streamed export of every current supporter, in the default order, sends."""
    queryset = SignatoryFilter(QueryDict(), queryset=Signatory.objects.all()).qs
    return _bytes(respond(queryset))


def _kept(settings) -> list[str]:
    return sorted(path.name for path in settings.EXPORT_CACHE_DIR.iterdir())


@pytest.fixture
def supporters():
    SignatoryFactory(name="Cyber, “Quoted” & Co", statement="We support it,\nfully.")
    SignatoryFactory(name="=HYPERLINK()", country="SN")
    SignatoryFactory.create_batch(5)
    SignatoryFactory(name="Gone Ltd", status="former", left_on=datetime.date(2025, 12, 25))


@pytest.mark.parametrize(
    ("url", "respond"), [(CSV, stream.csv_response), (JSON, stream.json_response)]
)
def test_the_full_export_from_its_file_has_the_same_bytes_as_the_streamed_one(
    client, settings, supporters, url, respond
):
    response = client.get(url)
    assert isinstance(response, FileResponse)
    body = _bytes(response)
    assert body == _streamed(respond)
    assert int(response["Content-Length"]) == len(body)
    assert len(_kept(settings)) == 1


def test_the_full_exports_keep_their_content_type_and_file_name(client, supporters):
    csv_response = client.get(CSV)
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response["Content-Disposition"] == 'attachment; filename="paris-call-supporters.csv"'
    json_response = client.get(JSON)
    assert json_response["Content-Type"] == "application/json"
    assert "Content-Disposition" not in json_response
    assert json.loads(_bytes(json_response))["count"] == 7


@pytest.mark.parametrize("url", [CSV, JSON])
def test_a_second_download_reads_only_the_revision_not_the_supporters(
    client, django_assert_num_queries, supporters, url
):
    first = _bytes(client.get(url))
    # The revision; the directory's last change (its Last-Modified) is in the cache, in memory.
    with django_assert_num_queries(1) as queries:
        second = _bytes(client.get(url))
    assert "revision" in queries.captured_queries[0]["sql"]
    assert all("signatories_signatory" not in query["sql"] for query in queries)
    assert second == first


def test_a_database_made_again_never_gets_the_files_of_the_one_before(client, supporters):
    client.get(CSV)
    number = Revision.objects.get().number
    # A database dropped and made again counts its revisions from the start again: the same
    # number, other supporters (here: a new one, and the revision row made again).
    SignatoryFactory(name="Only In The New Database")
    Revision.objects.all().delete()
    Revision.objects.create(pk=1, number=number)
    rows = list(csv.DictReader(io.StringIO(_bytes(client.get(CSV)).decode())))
    assert "Only In The New Database" in {row["name"] for row in rows}


def test_a_new_supporter_is_in_the_next_download_and_the_old_file_is_removed(
    client, settings, supporters
):
    client.get(CSV)
    before = _kept(settings)
    SignatoryFactory(name="Newly Joined")
    rows = list(csv.DictReader(io.StringIO(_bytes(client.get(CSV)).decode())))
    assert "Newly Joined" in {row["name"] for row in rows}
    after = _kept(settings)
    assert len(after) == 1
    assert after != before


def test_a_filtered_export_is_streamed_and_keeps_no_file(client, settings, supporters):
    response = client.get(CSV, {"country": "SN"})
    assert not isinstance(response, FileResponse)
    rows = list(csv.DictReader(io.StringIO(_bytes(response).decode())))
    assert [row["name"] for row in rows] == ["'=HYPERLINK()"]
    data = json.loads(_bytes(client.get(JSON, {"status": "former"})))
    assert [item["name"] for item in data["results"]] == ["Gone Ltd"]
    assert not settings.EXPORT_CACHE_DIR.exists() or _kept(settings) == []


def _slowly(lines):
    """The export's lines, slowed, so that requests arriving together overlap."""

    def slow(rows):
        for line in lines(rows):
            time.sleep(0.05)
            yield line

    return slow


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("url", "respond"), [(CSV, "csv_lines"), (JSON, "json_lines")])
def test_two_first_downloads_at_once_both_get_the_complete_export(
    client, settings, monkeypatch, url, respond
):
    SignatoryFactory.create_batch(30)
    expected = _streamed(getattr(stream, respond.replace("lines", "response")))
    monkeypatch.setattr("signatories.exports.stream.CHUNK", 3)
    monkeypatch.setattr(f"signatories.exports.stream.{respond}", _slowly(getattr(stream, respond)))
    start = threading.Barrier(2)
    bodies = []

    def download():
        start.wait()
        try:
            bodies.append(_bytes(client.get(url)))
        finally:
            connection.close()

    threads = [threading.Thread(target=download) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert bodies == [expected, expected]
    assert len(_kept(settings)) == 1  # the export, no lock or temp file left
    assert _bytes(client.get(url)) == expected


@pytest.mark.parametrize("url", [CSV, JSON])
def test_a_database_failing_while_the_file_is_written_gives_a_503_and_leaves_no_file(
    client, settings, monkeypatch, url
):
    SignatoryFactory.create_batch(5)
    exported = SignatoryQuerySet.export_rows

    class FailingMidway:
        def __init__(self, queryset):
            self.rows = list(exported(queryset))[:3]

        def iterator(self, chunk_size):
            yield from self.rows
            raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SignatoryQuerySet, "export_rows", lambda queryset: FailingMidway(queryset))
    monkeypatch.setattr("signatories.exports.stream.CHUNK", 1)
    response = client.get(url)
    assert response.status_code == 503
    assert "database is unavailable" in response.content.decode()
    assert _kept(settings) == []


def test_a_directory_that_cannot_be_written_streams_the_export_instead(
    client, settings, tmp_path, supporters
):
    settings.EXPORT_CACHE_DIR = tmp_path / "not-a-directory"
    settings.EXPORT_CACHE_DIR.write_text("a file in the way")
    response = client.get(CSV)
    assert response.status_code == 200
    assert _bytes(response) == _streamed(stream.csv_response)


def test_a_download_while_another_writes_the_file_is_streamed(client, settings, supporters):
    revision_file = _file_of_next_download(client, settings)
    lock = revision_file.with_name(revision_file.name + ".lock")
    lock.touch()
    response = client.get(CSV)
    assert not isinstance(response, FileResponse)
    assert _bytes(response) == _streamed(stream.csv_response)
    assert not revision_file.exists()


def test_a_lock_left_by_a_writer_that_died_is_broken(client, settings, supporters):
    revision_file = _file_of_next_download(client, settings)
    lock = revision_file.with_name(revision_file.name + ".lock")
    lock.touch()
    long_ago = time.time() - 3600
    os.utime(lock, (long_ago, long_ago))
    assert isinstance(client.get(CSV), FileResponse)
    assert _kept(settings) == [revision_file.name]


def _file_of_next_download(client, settings):
    """The file the next full CSV download will use (made once, then removed)."""
    client.get(CSV)
    (revision_file,) = settings.EXPORT_CACHE_DIR.iterdir()
    revision_file.unlink()
    return revision_file


def test_another_database_at_the_same_revision_never_gets_this_ones_file(
    client, settings, supporters, monkeypatch
):
    client.get(CSV)
    (kept,) = _kept(settings)
    # Another database sharing the folder (a staging copy, the benchmark's next table)
    # numbers its revisions alike: at the same revision it gets a file of its own, and
    # leaves this one's alone.
    monkeypatch.setitem(connection.settings_dict, "NAME", "another-database")
    other = client.get(CSV)
    assert isinstance(other, FileResponse)
    assert b"Gone Ltd" not in _bytes(other)
    assert kept in _kept(settings)
    assert len(_kept(settings)) == 2

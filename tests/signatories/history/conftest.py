"""The small history the loader's page tests share: a snapshot imported, then its history."""

import datetime
import io

import pytest
from django.core.management import call_command

from signatories.history.load import load_history_file
from tests.factories import StateFactory
from tests.signatories.history.helpers import ROWS, SNAPSHOT, history
from tests.signatories.importing.helpers import official, write


@pytest.fixture
def loaded(tmp_path):
    StateFactory(country="FR", supporter_since=datetime.date(2018, 11, 12))
    call_command(
        "import_signatories",
        write(tmp_path, official(*SNAPSHOT), "official-supporters-2025-12-25.csv"),
        "--full-list",
        stdout=io.StringIO(),
    )
    load_history_file(write(tmp_path, history(*ROWS), "official-history.csv"))

"""Fixtures the tests of the signatories app share."""

import pytest

from tests.factories import EditorFactory


@pytest.fixture
def editor(client):
    user = EditorFactory()
    client.force_login(user)
    return user

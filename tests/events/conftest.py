import pytest

from tests.events.factories import EventIndexPageFactory


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)

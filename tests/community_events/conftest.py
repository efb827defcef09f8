import pytest

from tests.community_events.factories import EventIndexPageFactory


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)

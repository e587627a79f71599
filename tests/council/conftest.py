import pytest

from .factories import build_council, build_meeting


@pytest.fixture
def council(db):
    return build_council()


@pytest.fixture
def meeting(council):
    return build_meeting(council)

"""The council's public lists, read in every language from one council's
record built once for the module (it takes seconds)."""

import pytest
from django.urls import reverse

from tests.database import built_once_per_module

from .factories import council_page, council_record

pytestmark = pytest.mark.django_db


def _council_with_its_record():
    """The council's page and its record: members with profiles, meetings held
    and to come, motions, resolutions."""
    return council_page(), council_record()


council_with_its_record = built_once_per_module(_council_with_its_record)


@pytest.mark.parametrize(
    "name",
    ["council:members", "council:meetings", "council:motions", "council:resolutions"],
)
@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
@pytest.mark.usefixtures("council_with_its_record")
def test_public_council_lists_render_in_every_language(client, name, language):
    from django.utils import translation

    with translation.override(language):
        url = reverse(name)
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()

import pytest
from django.db import transaction
from django.test import override_settings

from tests.plainlanguage import factories


@pytest.fixture
def make_term(db):
    """A glossary term in Polish, or in another language as a translation of ``of``."""
    return factories.glossary_term


@pytest.fixture
def glossary(db):
    """The glossary of city terms in four languages ({slug: Polish term})."""
    return factories.glossary()


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded files (pictures and their renditions) in a folder of the test's own."""
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def information_centre(django_db_setup, django_db_blocker, tmp_path_factory):
    """An open consultation whose texts use glossary terms, translated into every
    language, with an easy-read version (with a picture) in every language;
    built once for a module's tests (it takes seconds), with the glossary, and
    rolled back after the last of them (see ``tests.database.built_once_per_module``)."""
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    with media, django_db_blocker.unblock(), transaction.atomic():
        factories.glossary()
        yield factories.information_centre()
        transaction.set_rollback(True)

import pytest

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


@pytest.fixture
def information_centre(glossary, media):
    """An open consultation whose texts use glossary terms, translated into every
    language, with an easy-read version (with a picture) in every language."""
    return factories.information_centre()

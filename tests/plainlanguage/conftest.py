import pytest


@pytest.fixture
def make_term(locales):
    """A glossary term in Polish, or in another language as a translation of ``of``."""
    from plainlanguage.models import GlossaryTerm

    def make(term, *, forms="", explanation="Wyjaśnienie.", language="pl", of=None, **fields):
        if of is not None:
            translation = of.copy_for_translation(locales[language])
            translation.term, translation.forms, translation.explanation = term, forms, explanation
            translation.save()
            return translation
        return GlossaryTerm.objects.create(
            locale=locales[language], term=term, forms=forms, explanation=explanation, **fields
        )

    return make


@pytest.fixture
def demo_consultation():
    """The demo's open consultation on the information centre, which has an easy-read version."""
    from consultations.models import ConsultationPage

    return ConsultationPage.objects.get(locale__language_code="pl", slug="punkt-informacyjny-dla-migrantow")

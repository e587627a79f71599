"""Volunteer translators, and the residents' texts they translate (in Ukrainian
unless told otherwise)."""

from tests.accounts.factories import UserFactory
from tests.consultations import factories as consultations
from translators.models import LanguagePair, Translator


def make_translator(user=None, *, pairs=(("uk", "pl"),), status=Translator.Status.APPROVED, **fields):
    """A registration in the translators' base, made directly (services are tested on their own)."""
    translator = Translator.objects.create(user=user or UserFactory(), status=status, **fields)
    LanguagePair.objects.bulk_create(
        LanguagePair(translator=translator, source=source, target=target) for source, target in pairs
    )
    return translator


def make_comment(consultation, *, text="Потрібні безкоштовні курси польської мови.", language="uk", **fields):
    """A published comment written a day ago (past its author's editing time by default)."""
    return consultations.make_comment(consultation, text=text, language=language, **fields)


def make_proposal(consultation, *, title="Курси в суботу", text="Пропоную курси в суботу.", language="uk", **fields):
    return consultations.make_proposal(consultation, title=title, text=text, language=language, **fields)

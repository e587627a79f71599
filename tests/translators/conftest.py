import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from consultations.models import Comment, Proposal
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation
from translators.models import LanguagePair, Translator

NOW = timezone.now()
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


def make_translator(user=None, *, pairs=(("uk", "pl"),), status=Translator.Status.APPROVED, **fields):
    """A registration in the translators' base, made directly (services are tested on their own)."""
    translator = Translator.objects.create(user=user or UserFactory(), status=status, **fields)
    LanguagePair.objects.bulk_create(
        LanguagePair(translator=translator, source=source, target=target) for source, target in pairs
    )
    return translator


def make_comment(consultation, *, text="Потрібні безкоштовні курси польської мови.", language="uk", age=DAY, **fields):
    """A published comment written ``age`` ago (past its author's editing time by default)."""
    fields.setdefault("author", UserFactory())
    return Comment.objects.create(
        consultation_key=consultation.translation_key,
        text=text,
        language=language,
        created_at=NOW - age,
        **fields,
    )


def make_proposal(
    consultation, *, title="Курси в суботу", text="Пропоную курси в суботу.", language="uk", age=DAY, **fields
):
    fields.setdefault("author", UserFactory())
    return Proposal.objects.create(
        consultation_key=consultation.translation_key,
        title=title,
        text=text,
        language=language,
        created_at=NOW - age,
        **fields,
    )


@pytest.fixture
def consultation(db):
    return make_consultation(opens_at=NOW - 10 * DAY, closes_at=NOW + 10 * DAY, allow_proposals=True)


@pytest.fixture
def no_demo_discussions(db):
    """The seeded demo comments and proposals out of the way (rolled back after the test)."""
    Comment.objects.all().delete()
    Proposal.objects.all().delete()


@pytest.fixture
def official(db):
    return get_user_model().objects.get(username="official")


@pytest.fixture
def translator(db):
    return make_translator(UserFactory(display_name="Iryna"), pairs=[("uk", "pl"), ("ru", "pl")])

"""Consultations and what residents write on them."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from cms.services import tree_synchronise
from consultations.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    OutcomeAnswer,
    OutcomePage,
    Proposal,
)
from core.areas import ThematicArea
from tests.accounts.factories import UserFactory
from tests.cms.factories import site
from tests.cms.factories import translate as translate_page

DAY = datetime.timedelta(days=1)


def consultation_index(language="pl"):
    """The consultations index under the home page (made in Polish, then found in ``language``)."""
    # The test database has one (tests/conftest.py); a transactional test's teardown empties it.
    index = ConsultationIndexPage.objects.filter(locale__language_code="pl", depth=3).first()
    if index is None:
        home = site()
        index = ConsultationIndexPage(title="Konsultacje", slug="consultations", intro="")
        home.add_child(instance=index)
        index.save_revision().publish()
        tree_synchronise()
    index = index.specific
    if language != "pl":
        return ConsultationIndexPage.objects.get(translation_key=index.translation_key, locale__language_code=language)
    return index


def make_consultation(
    *,
    parent=None,
    opens_at=None,
    closes_at=None,
    title="Lekcje polskiego",
    summary="<p>Krótko o konsultacji.</p>",
    sections=("Plan", "Wsparcie"),
    areas=(),
    allow_proposals=False,
    publish=True,
    **fields,
):
    """A consultation page under the Polish index (open for ten more days unless
    told otherwise).  ``sections`` are titles (each section then says its title)
    or ``(title, body html)`` pairs.  With ``publish=False`` it is a draft: not
    live, as an official's unpublished page."""
    now = timezone.now()
    parent = parent or consultation_index()
    if not publish:
        fields.setdefault("live", False)
    page = ConsultationPage(
        title=title,
        slug=fields.pop("slug", None) or f"c-{ConsultationPage.objects.count() + 1}",
        summary=summary,
        sections=[_section(section) for section in sections],
        opens_at=opens_at or now - 10 * DAY,
        closes_at=closes_at or now + 10 * DAY,
        allow_proposals=allow_proposals,
        **fields,
    )
    parent.add_child(instance=page)
    if areas:
        page.areas.set(ThematicArea.objects.filter(code__in=areas))
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ConsultationPage.objects.get(pk=page.pk)


def _section(section):
    title, body = (section, f"<p>{section}.</p>") if isinstance(section, str) else section
    return {"type": "section", "value": {"title": title, "body": body}}


def translate_consultation(page, language, *, sections=None, **fields):
    """``page`` translated into ``language`` (after ``cms.services.tree_synchronise``,
    or with its index translated).  ``sections`` are ``(title, body html)`` pairs
    that keep the original's block ids, in order, as wagtail-localize keeps them,
    so that a comment on a section finds it in every language."""
    if sections is not None:
        ids = [block.id for block in page.sections]
        fields["sections"] = [
            {"type": "section", "value": {"title": title, "body": body}, **({"id": ids[n]} if n < len(ids) else {})}
            for n, (title, body) in enumerate(sections)
        ]
    return translate_page(page, language, **fields)


def outcome_page(consultation, *, answers=(), publish=True, user=None, **fields):
    """The outcome of ``consultation`` (which must have closed to publish it), saved
    as ``user``.  ``answers`` are ``(comment or proposal, status, justification)``."""
    values = {
        "title": "Wyniki konsultacji",
        "slug": "wyniki",
        "summary": "<p>Usłyszeliśmy wiele.</p>",
        "changes": "<p>Zmieniliśmy plan.</p>",
        **fields,
    }
    outcome = OutcomePage(live=publish, **values)
    for item, status, justification in answers:
        target = {"proposal": item} if isinstance(item, Proposal) else {"comment": item}
        outcome.answers.add(OutcomeAnswer(status=status, justification=justification, **target))
    consultation.add_child(instance=outcome)
    revision = outcome.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return OutcomePage.objects.get(pk=outcome.pk)


def make_comment(consultation, *, text="Potrzebne są bezpłatne kursy polskiego.", language="pl", age=DAY, **fields):
    """A published comment written ``age`` ago (past its author's editing time by
    default), made directly: the services are tested on their own."""
    fields.setdefault("author", UserFactory())
    return Comment.objects.create(
        consultation_key=consultation.translation_key,
        text=text,
        language=language,
        created_at=timezone.now() - age,
        **fields,
    )


def make_proposal(
    consultation, *, title="Kursy w soboty", text="Proponuję kursy w soboty.", language="pl", age=DAY, **fields
):
    fields.setdefault("author", UserFactory())
    return Proposal.objects.create(
        consultation_key=consultation.translation_key,
        title=title,
        text=text,
        language=language,
        created_at=timezone.now() - age,
        **fields,
    )


def comment_url(consultation):
    """Where the comment form of ``consultation`` posts, in the page's language."""
    with translation.override(consultation.locale.language_code):
        return reverse("consultations:comment_create", args=[consultation.pk])

"""Membership over time, in one place: who may apply to a call and when, the
officials' decisions on candidacies, seats vacated and taken over by the next
substitute.  ``why_cannot_…`` functions return None or the reason,
translated; the services check them, write in one transaction and raise
:class:`~core.errors.RuleBroken`.

A vacated seat ends the day before it is vacated and the substitute holds a
seat of their own from the day they take it, so the one rule of the members
entitled on a day (``Membership.objects.current_on``) needs nothing more."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.errors import RuleBroken
from core.language import LANGUAGE_CODES
from core.ratelimit import enforce
from core.text import clean_line, clean_text

from .models import Membership, Role, Term
from .recruitment import (
    CANDIDATE_LINE_MAX_LENGTH,
    MOTIVATION_MAX_LENGTH,
    VACANCY_NOTE_MAX_LENGTH,
    Candidacy,
    Substitute,
    Vacancy,
)

DECISIONS = (Candidacy.Status.APPOINTED, Candidacy.Status.SUBSTITUTE, Candidacy.Status.NOT_SELECTED)


def _refuse_if(reason):
    if reason:
        raise RuleBroken(reason)


def _day(moment):
    return date_format(timezone.localtime(moment), "j E Y, H:i")


# --- rules --------------------------------------------------------------------------


def why_cannot_apply(user, call, now=None):
    """Signed-in residents, while the call is open."""
    now = now or timezone.now()
    if not getattr(user, "is_authenticated", False):
        return _("Sign in to apply.")
    if now < call.opens_at:
        return _("Applications open on %(moment)s.") % {"moment": _day(call.opens_at)}
    if now >= call.closes_at:
        return _("Applications closed on %(moment)s.") % {"moment": _day(call.closes_at)}
    return None


def why_cannot_change(user, candidacy, now=None):
    """The applicant, while the call is open and nothing is decided yet."""
    if not getattr(user, "is_authenticated", False) or candidacy.user_id != user.pk:
        return _("Only the person who applied can change this application.")
    if reason := why_cannot_apply(user, candidacy.call, now):
        return reason
    if candidacy.status != Candidacy.Status.SUBMITTED:
        return _("This application has already been decided.")
    return None


def why_cannot_decide(user):
    if not getattr(user, "is_authenticated", False) or not user.has_perm("council.change_candidacy"):
        return _("Only officials who keep the council's membership can do this.")
    return None


def why_cannot_manage_seats(user):
    if not getattr(user, "is_authenticated", False) or not user.has_perm("council.change_membership"):
        return _("Only officials who keep the council's membership can do this.")
    return None


# --- candidacies ----------------------------------------------------------------------


def _line(value, *, empty, name, required=True):
    value = clean_line(value or "")
    if required and not value:
        raise RuleBroken(empty)
    if len(value) > CANDIDATE_LINE_MAX_LENGTH:
        raise RuleBroken(
            _("%(name)s may be at most %(limit)d characters long; this one has %(length)d.")
            % {"name": name, "limit": CANDIDATE_LINE_MAX_LENGTH, "length": len(value)}
        )
    return value


def _candidacy_fields(motivation, languages, community, language, consent_to_publish):
    motivation = clean_text(motivation or "").strip()
    if not motivation:
        raise RuleBroken(_("Write why you would like to serve on the council."))
    if len(motivation) > MOTIVATION_MAX_LENGTH:
        raise RuleBroken(
            _("The motivation may be at most %(limit)d characters long; this one has %(length)d.")
            % {"limit": MOTIVATION_MAX_LENGTH, "length": len(motivation)}
        )
    if language not in LANGUAGE_CODES:
        raise RuleBroken(_("Choose the language you wrote in."))
    if not isinstance(consent_to_publish, bool):
        raise RuleBroken(_("Say whether your application may be published."))
    return {
        "motivation": motivation,
        "languages": _line(languages, empty=_("Name the languages you speak."), name=_("Languages")),
        "community": _line(community, empty="", name=_("Community"), required=False),
        "language": language,
        "consent_to_publish": consent_to_publish,
    }


def _rate_limited(user):
    enforce(
        f"candidacy:{user.pk}",
        limit=settings.RADA_RATELIMIT_CANDIDACIES,
        seconds=3600,
        message=_("You have sent your application many times in the last hour. Please try again later."),
    )


def candidacy_submit(*, call, user, motivation, languages, community="", language, consent_to_publish=False, now=None):
    """A resident applies to ``call``: once, while it is open."""
    now = now or timezone.now()
    _refuse_if(why_cannot_apply(user, call, now))
    fields = _candidacy_fields(motivation, languages, community, language, consent_to_publish)
    _rate_limited(user)
    try:
        with transaction.atomic():
            return Candidacy.objects.create(call=call, user=user, created_at=now, updated_at=now, **fields)
    except IntegrityError:
        raise RuleBroken(
            _("You have already applied to this call. You can change your application while the call is open.")
        ) from None


def candidacy_update(
    *, candidacy, user, motivation, languages, community="", language, consent_to_publish=False, now=None
):
    now = now or timezone.now()
    fields = _candidacy_fields(motivation, languages, community, language, consent_to_publish)
    with transaction.atomic():
        candidacy = Candidacy.objects.select_for_update().select_related("call").get(pk=candidacy.pk)
        _refuse_if(why_cannot_change(user, candidacy, now))
        _rate_limited(user)
        for name, value in fields.items():
            setattr(candidacy, name, value)
        candidacy.updated_at = now
        candidacy.save()
    return candidacy


def _next_rank(term):
    return (Substitute.objects.filter(term=term).aggregate(top=Max("rank"))["top"] or 0) + 1


def candidacy_decide(*, candidacy, status, user, seat_from=None, today=None):
    """An official's decision: a seat (the membership, from ``seat_from`` or the
    term's first day), a place at the end of the substitutes' list, or not
    selected.  A decision is final: a seat is then vacated, a place withdrawn."""
    today = today or timezone.localdate()
    _refuse_if(why_cannot_decide(user))
    if status not in DECISIONS:
        raise RuleBroken(_("Choose a decision."))
    with transaction.atomic():
        candidacy = Candidacy.objects.select_for_update().select_related("call__term", "user").get(pk=candidacy.pk)
        if candidacy.status != Candidacy.Status.SUBMITTED:
            raise RuleBroken(_("This application has already been decided."))
        term = Term.objects.select_for_update().get(pk=candidacy.call.term_id)
        if candidacy.call.is_open_at(timezone.now()):
            raise RuleBroken(_("Decide on applications once the call has closed."))
        seated = Membership.objects.filter(term=term, user=candidacy.user).exists()
        if seated and status != Candidacy.Status.NOT_SELECTED:
            raise RuleBroken(_("This person already has a seat in this term."))
        if status == Candidacy.Status.APPOINTED:
            starts_on = seat_from or max(term.starts_on, today)
            if not term.starts_on <= starts_on <= term.ends_on:
                raise RuleBroken(_("The seat must start within the term."))
            candidacy.membership = Membership.objects.create(
                term=term,
                user=candidacy.user,
                role=Role.MEMBER,
                starts_on=starts_on,
                languages=candidacy.languages,
                community=candidacy.community,
            )
        elif status == Candidacy.Status.SUBSTITUTE:
            if Substitute.objects.filter(term=term, user=candidacy.user).exists():
                raise RuleBroken(_("This person is already on the list of substitutes."))
            Substitute.objects.create(
                term=term, user=candidacy.user, rank=_next_rank(term), public=candidacy.consent_to_publish
            )
        candidacy.status = status
        candidacy.save(update_fields=["status", "membership"])
    return candidacy


# --- vacated seats and substitutes --------------------------------------------------------


def why_cannot_vacate(membership, vacated_on):
    if Vacancy.objects.filter(membership=membership).exists():
        return _("This seat has already been vacated.")
    if vacated_on <= membership.starts_on:
        return _("A seat can only be vacated after its first day.")
    if vacated_on > membership.term.ends_on:
        return _("The date must be within the term.")
    if membership.ends_on is not None and membership.ends_on < vacated_on:
        return _("This seat had already ended on %(day)s.") % {"day": membership.ends_on.isoformat()}
    return None


def seat_vacate(*, membership, vacated_on, reason, user, note="", substitute_from=None):
    """A member resigns or is removed: their seat ends the day before
    ``vacated_on``.  With ``substitute_from`` the next substitute takes it then."""
    _refuse_if(why_cannot_manage_seats(user))
    if reason not in Vacancy.Reason.values:
        raise RuleBroken(_("Choose the reason the seat was vacated."))
    note = clean_line(note or "")
    if len(note) > VACANCY_NOTE_MAX_LENGTH:
        raise RuleBroken(
            _("The note may be at most %(limit)d characters long; this one has %(length)d.")
            % {"limit": VACANCY_NOTE_MAX_LENGTH, "length": len(note)}
        )
    with transaction.atomic():
        membership = Membership.objects.select_for_update(of=("self",)).select_related("term").get(pk=membership.pk)
        _refuse_if(why_cannot_vacate(membership, vacated_on))
        membership.ends_on = vacated_on - datetime.timedelta(days=1)
        membership.save(update_fields=["ends_on"])
        vacancy = Vacancy.objects.create(membership=membership, vacated_on=vacated_on, reason=reason, note=note)
        if substitute_from is not None:
            vacancy = vacancy_fill(vacancy=vacancy, starts_on=substitute_from, user=user)
    return vacancy


def next_substitute(term):
    """The first substitute of ``term`` who holds no seat in it, or None."""
    seated = Membership.objects.filter(term=term).values("user")
    return (
        Substitute.objects.filter(term=term, seat__isnull=True)
        .exclude(user__in=seated)
        .select_related("user")
        .order_by("rank")
        .first()
    )


def vacancy_fill(*, vacancy, starts_on, user):
    """The next substitute on the list takes the vacated seat from ``starts_on``."""
    _refuse_if(why_cannot_manage_seats(user))
    with transaction.atomic():
        vacancy = Vacancy.objects.select_for_update(of=("self",)).select_related("membership__term").get(pk=vacancy.pk)
        term = Term.objects.select_for_update().get(pk=vacancy.membership.term_id)
        if vacancy.filled_by_id is not None:
            raise RuleBroken(_("This seat has already been taken over."))
        if not vacancy.vacated_on <= starts_on <= term.ends_on:
            raise RuleBroken(_("The substitute takes the seat on or after the day it was vacated, within the term."))
        substitute = next_substitute(term)
        if substitute is None:
            raise RuleBroken(_("No substitute is left on this term's list."))
        old = vacancy.membership
        candidacy = Candidacy.objects.filter(call__term=term, user=substitute.user).order_by("-created_at").first()
        substitute.seat = Membership.objects.create(
            term=term,
            user=substitute.user,
            role=Role.MEMBER,
            starts_on=starts_on,
            languages=candidacy.languages if candidacy else "",
            community=candidacy.community if candidacy else old.community,
        )
        substitute.save(update_fields=["seat"])
        vacancy.filled_by = substitute
        vacancy.save(update_fields=["filled_by"])
    return vacancy


# --- when a person leaves (receivers of accounts.signals, in signals.py) -------------


def candidacies_remove(*, user):
    """A person's applications are theirs alone: they go when the person leaves
    or asks for what they wrote to be unlinked (an application cannot stand
    under a stand-in's name).  A place on a list of substitutes goes with the
    account; a seat taken from it stays (a public record)."""
    removed, _detail = Candidacy.objects.filter(user=user).delete()
    return {"candidacies": removed}


def substitute_places_remove(*, user):
    removed, _detail = Substitute.objects.filter(user=user, seat__isnull=True).delete()
    return {"substitute_places": removed}

"""Every change to interpreting requests goes through one function here: an
official asks for an interpreter or a written translation, assigns an approved
translator, who accepts or declines; the official marks it done or cancels it.

Refusals are ``RuleBroken`` with a translated sentence.  Assigning locks the
translator's row, so two officials assigning the same person at overlapping
times queue on it and the second is refused (no double booking); every state
change locks the request's row and checks its state inside the lock, so a
second click changes nothing.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import RuleBroken

from . import notifications, permissions
from .languages import LANGUAGE_CODES, LANGUAGES
from .models import SUBJECT_MAX_LENGTH, InterpretingRequest, Translator

Status = InterpretingRequest.Status
OPEN = (Status.REQUESTED, Status.ASSIGNED, Status.ACCEPTED, Status.DECLINED)
BOOKED = (Status.ASSIGNED, Status.ACCEPTED)
MEETING_LENGTH = datetime.timedelta(hours=3)  # council meetings have no end time; they rarely last longer


def _require_official(official):
    if not permissions.can_request_interpreters(official):
        raise RuleBroken(_("Only officials request interpreters and assign translators."))


def _clean_request(*, kind, source_language, target_language, starts_at, ends_at, place, is_online, subject, unit, now):
    if kind not in InterpretingRequest.Kind.values:
        raise RuleBroken(_("Choose interpreting or a written translation."))
    if source_language not in LANGUAGE_CODES or target_language not in LANGUAGE_CODES:
        raise RuleBroken(_("Choose both languages from the list."))
    if source_language == target_language:
        raise RuleBroken(_("A language pair needs two different languages."))
    if starts_at is None or ends_at is None:
        raise RuleBroken(_("Give the date and time."))
    if ends_at <= starts_at:
        raise RuleBroken(_("The end must come after the start."))
    if starts_at <= now:
        raise RuleBroken(_("This time has passed; choose a time in the future."))
    place = " ".join((place or "").split())
    if kind == InterpretingRequest.Kind.INTERPRETING and not place and not is_online:
        raise RuleBroken(_("Give the place, or say that it is online."))
    subject = " ".join((subject or "").split())
    if not subject:
        raise RuleBroken(_("Say briefly what it is about."))
    if len(subject) > SUBJECT_MAX_LENGTH:
        raise RuleBroken(
            _("The subject may be at most %(limit)d characters long; this one has %(length)d.")
            % {"limit": SUBJECT_MAX_LENGTH, "length": len(subject)}
        )
    unit = " ".join((unit or "").split())
    if not unit:
        raise RuleBroken(_("Say which city unit or organiser asks."))
    return place, subject, unit[:200]


def interpreting_request_create(
    *,
    official,
    source_language,
    target_language,
    starts_at,
    ends_at,
    subject,
    unit,
    kind=InterpretingRequest.Kind.INTERPRETING,
    place="",
    is_online=False,
    needs_sworn=False,
    now=None,
):
    """An official asks for an interpreter (or a written translation, ``ends_at`` its deadline)."""
    now = now or timezone.now()
    _require_official(official)
    place, subject, unit = _clean_request(
        kind=kind,
        source_language=source_language,
        target_language=target_language,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        is_online=is_online,
        subject=subject,
        unit=unit,
        now=now,
    )
    return InterpretingRequest.objects.create(
        kind=kind,
        source_language=source_language,
        target_language=target_language,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        is_online=is_online,
        subject=subject,
        unit=unit,
        needs_sworn=needs_sworn,
        requested_by=official,
        created_at=now,
    )


def language_code_for(text):
    """The code on the list for what a resident wrote as "other language" (a
    code or a name in any of the site's languages), or "" when not recognised."""
    wanted = " ".join((text or "").split()).casefold()
    if not wanted:
        return ""
    if wanted in LANGUAGE_CODES:
        return wanted
    for code, _language in settings.LANGUAGES:
        with translation.override(code):
            for candidate, name in LANGUAGES:
                if str(name).casefold() == wanted:
                    return candidate
    return ""


def interpreting_from_access_request(*, access_request, official, now=None):
    """A resident's confirmed request for an interpreter or a PJM interpreter at
    an event or a council meeting joins the queue of interpreting requests.

    Residents asking for the same language at the same occasion need one
    interpreter: their requests join the open interpreting request already
    there.  Returns the interpreting request, or None when the resident's
    "other language" is not one on the list (the official then requests one by hand).
    """
    now = now or timezone.now()
    linked = InterpretingRequest.objects.filter(access_requests=access_request).first()
    if linked is not None:
        return linked
    registration = access_request.registration
    occasion = registration.occasion
    if access_request.kind == "sign_language":
        target = "pjm"
    elif access_request.language == "other":
        target = language_code_for(access_request.other_language)
    else:
        target = access_request.language
    source = getattr(occasion, "language", "") or "pl"
    if not target or target == source:
        return None
    starts_at = occasion.starts_at
    ends_at = getattr(occasion, "ends_at", None) or starts_at + MEETING_LENGTH
    subject = str(occasion)[:SUBJECT_MAX_LENGTH]
    key = f"event:{registration.event_id}" if registration.event_id else f"meeting:{registration.meeting_id}"
    same = {"occasion": key, "source_language": source, "target_language": target, "status__in": OPEN}
    with transaction.atomic():
        interpreting = InterpretingRequest.objects.select_for_update().filter(**same).first()
        if interpreting is None:
            try:
                with transaction.atomic():
                    interpreting = InterpretingRequest.objects.create(
                        kind=InterpretingRequest.Kind.INTERPRETING,
                        occasion=key,
                        source_language=source,
                        target_language=target,
                        starts_at=starts_at,
                        ends_at=ends_at,
                        place=occasion.place,
                        is_online=bool(getattr(occasion, "online_url", "")),
                        subject=subject,
                        unit=_("Event organisers") if registration.event_id else _("Immigrants' Council"),
                        requested_by=official,
                        created_at=now,
                    )
            except IntegrityError:  # another official's confirmation made it a moment ago
                interpreting = InterpretingRequest.objects.select_for_update().get(**same)
        interpreting.access_requests.add(access_request)
    return interpreting


def interpreting_release_access_request(*, access_request):
    """A resident's request is no longer confirmed: it leaves its interpreting
    request, which is cancelled when nobody else needs it and it is not done."""
    with transaction.atomic():
        for interpreting in InterpretingRequest.objects.select_for_update().filter(access_requests=access_request):
            interpreting.access_requests.remove(access_request)
            if interpreting.status in OPEN and not interpreting.access_requests.exists():
                interpreting.status = Status.CANCELLED
                interpreting.save(update_fields=["status"])
                if interpreting.translator_id:
                    notifications.notify_cancelled(interpreting=interpreting)


def _locked(interpreting):
    return InterpretingRequest.objects.select_for_update().get(pk=interpreting.pk)


def _busy(translator, interpreting):
    """Whether ``translator`` already interprets at a time overlapping ``interpreting``."""
    if interpreting.kind != InterpretingRequest.Kind.INTERPRETING:
        return False
    return (
        InterpretingRequest.objects.filter(
            translator=translator, status__in=BOOKED, kind=InterpretingRequest.Kind.INTERPRETING
        )
        .filter(starts_at__lt=interpreting.ends_at, ends_at__gt=interpreting.starts_at)
        .exclude(pk=interpreting.pk)
        .exists()
    )


def interpreting_assign(*, interpreting, translator, official, now=None):
    """The official offers ``interpreting`` to ``translator`` (a Translator), who is e-mailed."""
    now = now or timezone.now()
    _require_official(official)
    with transaction.atomic():
        translator = Translator.objects.select_for_update().get(pk=translator.pk)
        locked = _locked(interpreting)
        if locked.status in BOOKED:
            raise RuleBroken(_("A translator is already assigned; cancel or wait for their answer first."))
        if locked.status not in OPEN:
            raise RuleBroken(_("This request is closed."))
        if locked.starts_at <= now:
            raise RuleBroken(_("This request's time has passed."))
        if reason := permissions.why_cannot_interpret(translator, locked):
            raise RuleBroken(reason)
        if locked.declined_by.filter(pk=translator.pk).exists():
            raise RuleBroken(_("This translator has declined this request."))
        if _busy(translator, locked):
            raise RuleBroken(_("This translator is already booked at an overlapping time."))
        locked.translator = translator
        locked.status = Status.ASSIGNED
        locked.assigned_at = now
        locked.answer = ""
        locked.answered_at = None
        locked.save(update_fields=["translator", "status", "assigned_at", "answer", "answered_at"])
        notifications.notify_assigned(interpreting=locked)
    return locked


def interpreting_answer(*, interpreting, user, accept, note="", now=None):
    """The assigned translator accepts or declines; the official who asked is e-mailed."""
    now = now or timezone.now()
    note = (note or "").strip()
    with transaction.atomic():
        locked = _locked(interpreting)
        if not permissions.is_assigned_translator(user, locked):
            raise RuleBroken(_("This assignment is not yours."))
        if locked.status != Status.ASSIGNED:
            raise RuleBroken(_("You have already answered."))
        if locked.starts_at <= now:
            raise RuleBroken(_("This request's time has passed."))
        if len(note) > 1000:
            raise RuleBroken(_("A note may be at most %(limit)d characters long.") % {"limit": 1000})
        locked.answer = note
        locked.answered_at = now
        if accept:
            locked.status = Status.ACCEPTED
            if _busy(locked.translator, locked):
                raise RuleBroken(_("You are already booked at an overlapping time."))
        else:
            locked.status = Status.DECLINED
            locked.declined_by.add(locked.translator)
            locked.translator = None
        locked.save(update_fields=["status", "translator", "answer", "answered_at"])
        notifications.notify_answered(interpreting=locked)
    return locked


def interpreting_cancel(*, interpreting, official):
    """Not needed any more: the assigned translator, if any, is e-mailed."""
    _require_official(official)
    with transaction.atomic():
        locked = _locked(interpreting)
        if locked.status not in OPEN:
            raise RuleBroken(_("This request is closed."))
        locked.status = Status.CANCELLED
        locked.save(update_fields=["status"])
        if locked.translator_id:
            notifications.notify_cancelled(interpreting=locked)
    return locked


def interpreting_done(*, interpreting, official, now=None):
    """The interpreting took place (or the translation was delivered)."""
    now = now or timezone.now()
    _require_official(official)
    with transaction.atomic():
        locked = _locked(interpreting)
        if locked.status != Status.ACCEPTED:
            raise RuleBroken(_("Only accepted requests can be marked done."))
        if locked.starts_at > now:
            raise RuleBroken(_("This has not started yet."))
        locked.status = Status.DONE
        locked.save(update_fields=["status"])
    return locked


def matching_translators(interpreting):
    """Approved translators who could take ``interpreting``: both languages,
    sworn if needed, not declined it, not booked at an overlapping time.
    City interpreters first.  Four queries, whatever the number of translators."""
    candidates = Translator.objects.filter(status=Translator.Status.APPROVED)
    if interpreting.needs_sworn:
        candidates = candidates.filter(is_sworn=True)
    declined = set(interpreting.declined_by.values_list("pk", flat=True)) if interpreting.pk else set()
    busy = set()
    if interpreting.kind == InterpretingRequest.Kind.INTERPRETING:
        busy = set(
            InterpretingRequest.objects.filter(
                status__in=BOOKED,
                kind=InterpretingRequest.Kind.INTERPRETING,
                starts_at__lt=interpreting.ends_at,
                ends_at__gt=interpreting.starts_at,
                translator__isnull=False,
            )
            .filter(~Q(pk=interpreting.pk))
            .values_list("translator_id", flat=True)
        )
    matching = [
        translator
        for translator in candidates.select_related("user").prefetch_related("pairs")
        if translator.pk not in declined
        and translator.pk not in busy
        and permissions.why_cannot_interpret(translator, interpreting) is None
    ]
    matching.sort(key=lambda t: (t.kind != Translator.Kind.CITY_INTERPRETER, str(t).casefold()))
    return matching


def on_access_request_saved(sender, instance, created, **kwargs):
    """Events and translators are sibling layers that do not import each other, so
    the translators' base listens for the events app's decisions on residents'
    interpreter requests (``events.services.request_decide`` saves them)."""
    if instance.kind not in ("interpreter", "sign_language") or created or instance.decided_by_id is None:
        return
    if instance.status == "confirmed":
        interpreting_from_access_request(access_request=instance, official=instance.decided_by)
    else:
        interpreting_release_access_request(access_request=instance)


def on_access_request_deleted(sender, instance, **kwargs):
    """A resident who cancels their registration takes their requests with them."""
    if instance.kind in ("interpreter", "sign_language"):
        interpreting_release_access_request(access_request=instance)


def on_translator_deleted(sender, instance, **kwargs):
    """A translator who leaves (or whose account is deleted) frees what they were
    booked for: it waits for someone else again.  Done requests keep their
    counts, without the person."""
    InterpretingRequest.objects.filter(translator=instance, status__in=BOOKED).update(
        status=Status.REQUESTED, translator=None, assigned_at=None
    )

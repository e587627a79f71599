"""The city's follow-up of a resolution: the one way an answer or an update
is recorded, with its rules (which status may follow which, reasons for a
refusal, no dates in the future or before the resolution), and the e-mail to
the council when the answer arrives."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import RuleBroken
from core.language import LANGUAGE_CODES

from .follow_up import ANSWERS, NEEDS_REASONS, NEXT, UNIT_MAX_LENGTH, CityResponseUpdate, CityStatus
from .models import Resolution
from .notifications import notify_city_answer


def current_status(resolution):
    latest = resolution.city_updates.order_by("-date", "-created_at", "-pk").first()
    return CityStatus(latest.status) if latest else CityStatus.AWAITING


def why_cannot_add(*, resolution, date, status, unit, texts, today, current=None):
    """None when the update may be recorded, else the reason, translated."""
    current = current or current_status(resolution)
    if status not in CityStatus.values or status == CityStatus.AWAITING:
        return _("Choose the status the city reports.")
    if status not in NEXT[current]:
        if not NEXT[current]:
            return _("The follow-up of this resolution is finished (%(status)s); nothing can follow.") % {
                "status": current.label
            }
        return _("After “%(current)s” the status can only be: %(allowed)s.") % {
            "current": current.label,
            "allowed": ", ".join(str(CityStatus(s).label) for s in NEXT[current]),
        }
    if not unit.strip():
        return _("Name the city unit responsible for the resolution.")
    if len(unit) > UNIT_MAX_LENGTH:
        return _("The name of the unit is too long (at most %(limit)d characters).") % {"limit": UNIT_MAX_LENGTH}
    if date > today:
        return _("The date cannot be in the future.")
    if date < resolution.adopted_on:
        return _("The date cannot be before the resolution was adopted.")
    last = resolution.city_updates.order_by("-date").values_list("date", flat=True).first()
    if last is not None and date < last:
        return _("The date cannot be before the previous update (%(date)s).") % {"date": last.isoformat()}
    if status in NEEDS_REASONS and not any(text.strip() for text in texts.values()):
        return _("Give the reasons when a resolution is rejected or only partly accepted.")
    return None


def city_update_add(*, resolution, date, status, unit, texts, user, today):
    """Record one step of the city's follow-up; ``texts`` maps language codes
    to the text in that language.  The first answer is announced by e-mail to
    the term's current members after commit.  Raises ``RuleBroken``."""
    unknown = set(texts) - set(LANGUAGE_CODES)
    if unknown:
        raise RuleBroken(_("Texts can only be written in the site's languages."))
    with transaction.atomic():
        # One update at a time per resolution, so two officials cannot both
        # record "the" answer.
        resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
        current = current_status(resolution)
        reason = why_cannot_add(
            resolution=resolution, date=date, status=status, unit=unit, texts=texts, today=today, current=current
        )
        if reason:
            raise RuleBroken(reason)
        update = CityResponseUpdate.objects.create(
            resolution=resolution,
            date=date,
            status=status,
            unit=unit.strip(),
            created_by=user,
            **{f"text_{code}": text.strip() for code, text in texts.items()},
        )
        if current == CityStatus.AWAITING and status in ANSWERS:
            notify_city_answer(update=update, today=today)
    return update


def city_update_correct(*, update, unit, texts):
    """Correct the wording of a recorded step (its unit and texts); its date and
    status stay as they were, so the history the council was told of holds."""
    if not unit.strip():
        raise RuleBroken(_("Name the city unit responsible for the resolution."))
    if update.status in NEEDS_REASONS and not any(text.strip() for text in texts.values()):
        raise RuleBroken(_("Give the reasons when a resolution is rejected or only partly accepted."))
    update.unit = unit.strip()
    for code, text in texts.items():
        setattr(update, f"text_{code}", text.strip())
    update.save(update_fields=["unit", *(f"text_{code}" for code in texts)])
    return update

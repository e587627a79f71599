"""Who may do what on a consultation: one function per rule, used by views,
services and templates alike, so the button and the check never disagree."""

from allauth.account.models import EmailAddress
from django.utils.translation import gettext as _
from wagtail.models import BaseViewRestriction

from .models import Status


def has_verified_email(user):
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_rada_verified", None)
    if cached is None:
        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._rada_verified = cached
    return cached


def remember_verified_email(user, verified):
    """What :func:`has_verified_email` would read, read by a query of the caller's
    (one that asks for more about the reader at once)."""
    user._rada_verified = bool(verified)


def may_take_part(user):
    """Whom the platform trusts to write: a verified e-mail address, or an
    invitation code from a partner organisation (for people without e-mail).
    The one place that decides it for commenting, proposing and reporting."""
    if not user.is_authenticated:
        return False
    return getattr(user, "joined_with_invitation", False) or has_verified_email(user)


def is_author(user, item):
    """Whether ``user`` wrote ``item`` (a comment or a proposal), also after
    anonymising it: ``accounts.models.User.wrote``."""
    return user.is_authenticated and user.wrote(item)


def _restrictions(page):
    """The page's view restrictions (its own and its ancestors'), read once per page object."""
    cached = getattr(page, "_rada_restrictions", None)
    if cached is None:
        cached = list(page.get_view_restrictions().prefetch_related("groups"))
        page._rada_restrictions = cached
    return cached


def passes(restriction, user):
    """Whether ``user`` passes a Wagtail view restriction, as Wagtail decides for a request.

    A shared password identifies nobody, so a password-protected consultation
    is for reading only (a preview shared by link): what people write needs an
    account, and is taken only where the page is public or restricted to
    logged-in people or to groups the person belongs to."""
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        mine = getattr(user, "_rada_group_ids", None)
        if mine is None:  # read once per request: the page asks for every comment on it
            mine = user._rada_group_ids = set(user.groups.values_list("pk", flat=True))
        return any(group.pk in mine for group in restriction.groups.all())
    return False


def may_see(user, consultation):
    """The one rule behind every write and every page about what is written on a
    consultation: ``user`` may see this consultation now -- the page is live
    (published in its language) and every view restriction on it lets ``user``
    through.  A consultation someone may not see accepts nothing from them and
    shows them nothing; the views answer 404, so its existence is not revealed."""
    if consultation is None or not consultation.live:
        return False
    return all(passes(restriction, user) for restriction in _restrictions(consultation))


def why_hidden(user, consultation):
    """None when ``user`` may see ``consultation``; else the reason, translated.
    Views answer 404 before any reason would reach someone who cannot read the
    page, so naming the password tells only those who have it."""
    if may_see(user, consultation):
        return None
    if consultation is not None and consultation.live:
        failing = [restriction for restriction in _restrictions(consultation) if not passes(restriction, user)]
        if all(restriction.restriction_type == BaseViewRestriction.PASSWORD for restriction in failing):
            return _("This consultation is shared with a password for reading; it takes no contributions.")
    return _("This consultation is not available.")


def why_cannot_comment(user, consultation, now):
    """None when ``user`` may write on ``consultation`` at ``now``; else the reason, translated.

    A page asks for every comment on it (to rate, reply, edit): the answer is kept
    on the user object, which lives for one request, per consultation and moment."""
    reasons = getattr(user, "_rada_comment_reasons", None)
    if reasons is None:
        reasons = user._rada_comment_reasons = {}
    key = (*(getattr(consultation, name, None) for name in ("pk", "live", "opens_at", "closes_at")), now)
    if key not in reasons:
        reasons[key] = _why_cannot_comment(user, consultation, now)
    return reasons[key]


def _why_cannot_comment(user, consultation, now):
    hidden = why_hidden(user, consultation)
    if hidden:
        return hidden
    status = consultation.status_at(now)
    if status == Status.UPCOMING:
        return _("Comments open when the consultation opens.")
    if status != Status.OPEN:
        return _("This consultation is closed; comments can no longer be added or changed.")
    if not user.is_authenticated:
        return _("Log in to comment.")
    if not may_take_part(user):
        return _("Confirm your e-mail address to comment.")
    return None


def can_comment(user, consultation, now):
    return why_cannot_comment(user, consultation, now) is None


def can_edit_comment(user, comment, consultation, now):
    return (
        comment.author_id == getattr(user, "pk", None)
        and comment.is_published
        and now < comment.editable_until()
        and can_comment(user, consultation, now)
    )


def can_delete_comment(user, comment):
    return comment.author_id == getattr(user, "pk", None) and comment.state != comment.State.DELETED


def can_rate_comment(user, comment, consultation, now):
    return not is_author(user, comment) and comment.is_published and can_comment(user, consultation, now)


def comment_facts(user, comment, now):
    """All that the rules above read of one comment for ``user`` at ``now``
    (:func:`can_edit_comment`, :func:`can_delete_comment`, :func:`can_rate_comment`,
    :func:`can_report` and replying): comments alike in these get the same answers,
    so a page of comments asks them once per kind.  Keep it beside the rules."""
    mine = comment.author_id == getattr(user, "pk", None)
    return (
        mine,
        mine or is_author(user, comment),
        comment.state,
        comment.parent_id is None,
        now < comment.editable_until(),
    )


def why_cannot_propose(user, consultation, now):
    if not consultation.allow_proposals:
        return _("This consultation does not take proposals.")
    return why_cannot_comment(user, consultation, now)


def can_support(user, proposal, consultation, now):
    return (
        not is_author(user, proposal) and not proposal.is_hidden and why_cannot_propose(user, consultation, now) is None
    )


def is_facilitator(user):
    return user.is_authenticated and user.has_perm("consultations.enter_for_resident")


def why_cannot_enter_for_resident(user, consultation, now):
    """None when ``user`` may enter a comment on behalf of a resident; else the reason, translated."""
    if not is_facilitator(user):
        return _("Only facilitators can enter comments on behalf of residents.")
    hidden = why_hidden(user, consultation)
    if hidden:
        return hidden
    if consultation.status_at(now) != Status.OPEN:
        return _("Comments can be entered only while the consultation is open.")
    return None


def can_moderate(user):
    return user.is_authenticated and user.has_perm("consultations.moderate_comment")


def can_answer_as_city(user):
    return user.is_authenticated and user.has_perm("consultations.answer_as_city")


def can_report(user, comment, consultation):
    return may_take_part(user) and not is_author(user, comment) and comment.is_published and may_see(user, consultation)


def why_cannot_answer_survey(user, consultation, now):
    """None when ``user`` may answer (or change their answers to) ``consultation``'s survey; else the reason."""
    hidden = why_hidden(user, consultation)
    if hidden:
        return hidden
    if not consultation.survey:
        return _("This consultation has no survey.")
    status = consultation.status_at(now)
    if status == Status.UPCOMING:
        return _("The survey opens when the consultation opens.")
    if status != Status.OPEN:
        return _("This consultation is closed; survey answers can no longer be given or changed.")
    if not user.is_authenticated:
        return _("Log in to answer the survey.")
    if not may_take_part(user):
        return _("Confirm your e-mail address to answer the survey.")
    return None


def why_cannot_enter_survey_on_paper(user, consultation, now):
    """None when ``user`` may type in a resident's paper answers to the survey; else the reason."""
    if not is_facilitator(user):
        return _("Only facilitators can enter answers from paper forms.")
    hidden = why_hidden(user, consultation)
    if hidden:
        return hidden
    if not consultation.survey:
        return _("This consultation has no survey.")
    if consultation.status_at(now) != Status.OPEN:
        return _("Paper answers can be entered only while the consultation is open.")
    return None


def why_cannot_propose_wording(user, consultation, now):
    """None when ``user`` may propose new wording for a section of ``consultation``:
    the same rule as commenting (open, signed in, trusted)."""
    return why_cannot_comment(user, consultation, now)


def can_support_wording(user, wording, consultation, now):
    return (
        not is_author(user, wording)
        and not wording.is_hidden
        and why_cannot_propose_wording(user, consultation, now) is None
    )

"""Every change residents make to a consultation goes through one function here.

Each checks its rules (raising :class:`RuleBroken` with a translated message),
then writes in one transaction.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from vote.models import Vote

from accounts.models import Placeholder, User
from accounts.services import clean_public_name
from core.areas import Area
from core.errors import RuleBroken
from core.language import LANGUAGE_CODES
from core.ratelimit import enforce
from core.text import clean_line, clean_text

from . import live, notifications, permissions, threads
from .models import (
    COMMENT_MAX_LENGTH,
    PROPOSAL_TITLE_MAX_LENGTH,
    WORDING_MAX_LENGTH,
    Comment,
    ConsultationNotice,
    ConsultationPage,
    ConsultationPseudonym,
    DraftSection,
    Follow,
    ModerationDecision,
    OutcomePage,
    Proposal,
    Report,
    Source,
    WordingProposal,
)
from .wording import plain_text

COMMENTS_PER_MINUTE = 5
RATINGS_PER_MINUTE = 60


def _clean_text(text):
    text = clean_text(text).strip()
    if not text:
        raise RuleBroken(_("Please write something before sending."))
    if len(text) > COMMENT_MAX_LENGTH:
        raise RuleBroken(
            _("A comment may be at most %(limit)d characters long; this one has %(length)d.")
            % {"limit": COMMENT_MAX_LENGTH, "length": len(text)}
        )
    return text


def _comments_changed(key):
    """Readers see the change: the cached threads are rendered again, and the
    live count is announced after the commit."""
    threads.changed(key)
    live.comments_changed(key)


def comment_post(*, consultation, author, text, language, section_id="", parent=None, official=False, now=None):
    now = now or timezone.now()
    reason = permissions.why_cannot_comment(author, consultation, now)
    if reason:
        raise RuleBroken(reason)
    text = _clean_text(text)
    if section_id and section_id not in consultation.section_titles():
        raise RuleBroken(_("That section is not part of this consultation."))
    if parent is not None:
        if parent.consultation_key != consultation.translation_key:
            raise RuleBroken(_("You can only reply to a comment on this consultation."))
        if parent.parent_id is not None:
            parent = parent.parent  # replies stay one level deep
        if not parent.is_published:
            raise RuleBroken(_("This comment can no longer be replied to."))
        section_id = parent.section_id
    last = (
        Comment.objects.filter(consultation_key=consultation.translation_key, author=author)
        .order_by("-created_at", "-id")
        .values_list("text", flat=True)
        .first()
    )
    if last == text:
        raise RuleBroken(_("You have just sent this same comment."))
    enforce(
        f"comment:{author.pk}",
        limit=COMMENTS_PER_MINUTE,
        seconds=60,
        message=_("You are commenting very quickly. Please wait a minute and try again."),
    )
    if official and not permissions.can_answer_as_city(author):
        raise RuleBroken(_("Only officials can answer on behalf of the city."))
    comment = Comment.objects.create(
        consultation_key=consultation.translation_key,
        section_id=section_id or "",
        parent=parent,
        is_official=official,
        author=author,
        text=text,
        language=language,
        created_at=now,
    )
    _follow(user=author, consultation=consultation)
    if parent is not None:
        notifications.notify_reply(reply=comment)
    _comments_changed(comment.consultation_key)
    return comment


FACILITATED_COMMENTS_PER_MINUTE = 30


def comment_enter_for_resident(
    *, consultation, facilitator, text, language, source, consent, resident_name="", section_id="", now=None
):
    """A facilitator enters what a resident said on the phone, wrote on paper or
    said in a workshop, with the resident's consent.

    The comment's author is a new placeholder account standing for that one
    resident (no e-mail, no password, cannot log in), named as the resident
    chose or "a resident": so the facilitator's own name never appears, each
    resident counts once among the participants, and the facilitator's own
    account (anonymised or deleted later) does not carry residents' words.
    The facilitator and the moment consent was recorded are kept on the comment.
    """
    now = now or timezone.now()
    reason = permissions.why_cannot_enter_for_resident(facilitator, consultation, now)
    if reason:
        raise RuleBroken(reason)
    if not consent:
        raise RuleBroken(_("Record that the resident agreed to their comment being published here."))
    if source not in Source.values:
        raise RuleBroken(_("Choose where the comment comes from."))
    if language not in LANGUAGE_CODES:
        raise RuleBroken(_("Choose the language of the comment."))
    text = _clean_text(text)
    resident_name = clean_public_name(resident_name)
    if section_id and section_id not in consultation.section_titles():
        raise RuleBroken(_("That section is not part of this consultation."))
    enforce(
        f"facilitated:{facilitator.pk}",
        limit=FACILITATED_COMMENTS_PER_MINUTE,
        seconds=60,
        message=_("You are entering comments very quickly. Please wait a minute and try again."),
    )
    with transaction.atomic():
        resident = User.objects.create_placeholder(Placeholder.ASSISTED, name=resident_name)
        comment = Comment.objects.create(
            consultation_key=consultation.translation_key,
            section_id=section_id or "",
            author=resident,
            text=text,
            language=language,
            created_at=now,
            submitted_via=source,
            facilitator=facilitator,
            consent_recorded_at=now,
        )
        _comments_changed(comment.consultation_key)
    return comment


def pseudonym_set(*, user, consultation, name, now=None):
    """Write under ``name`` in ``consultation`` instead of one's public name.

    It shows on all one's comments and proposals there, past and future.  It
    may not be empty, too long, nor anybody else's public name or pseudonym in
    this consultation (whatever the letter case).
    """
    now = now or timezone.now()
    reason = permissions.why_cannot_comment(user, consultation, now)
    if reason:
        raise RuleBroken(reason)
    name = clean_public_name(name, missing=_("Please enter the name you want to use in this consultation."))
    key = consultation.translation_key
    enforce(
        f"pseudonym:{user.pk}",
        limit=settings.RADA_RATELIMIT_PSEUDONYM_CHANGES,
        seconds=3600,
        message=_("You have changed your name here many times in the last hour. Please try again later."),
    )
    # Only public names shown in this consultation count: checking the whole
    # site would tell anyone whether some person anywhere uses a name.
    shown_here = Q(Exists(Comment.objects.filter(consultation_key=key, author=OuterRef("pk")))) | Q(
        Exists(Proposal.objects.filter(consultation_key=key, author=OuterRef("pk")))
    )
    taken = (
        User.objects.filter(shown_here, display_name__iexact=name).exclude(pk=user.pk).exists()
        or ConsultationPseudonym.objects.filter(name__iexact=name, consultation_key=key).exclude(user=user).exists()
    )
    if taken:
        raise RuleBroken(_("Someone else already uses this name here. Please choose another."))
    try:
        with transaction.atomic():
            pseudonym, _created = ConsultationPseudonym.objects.update_or_create(
                user=user, consultation_key=key, defaults={"name": name, "created_at": now}
            )
    except IntegrityError:  # chosen by someone else at the same moment
        raise RuleBroken(_("Someone else already uses this name here. Please choose another.")) from None
    _comments_changed(key)
    return pseudonym


def pseudonym_clear(*, user, consultation):
    """Go back to one's public name in ``consultation``."""
    if not user.is_authenticated:
        raise RuleBroken(_("Log in to comment."))
    ConsultationPseudonym.objects.filter(user=user, consultation_key=consultation.translation_key).delete()
    threads.changed(consultation.translation_key)


def consultation_of(item, *, language=None):
    """The consultation page ``item`` (a comment or a proposal) belongs to: a
    live translation, in ``language`` (by default the current one) when there is
    one; else any translation, which the rules then find not visible
    (``permissions.may_see``)."""
    language = language or translation.get_language()
    pages = ConsultationPage.objects.filter(translation_key=item.consultation_key).select_related("locale")
    return min(pages, key=lambda page: (not page.live, page.locale.language_code != language, page.pk), default=None)


def comment_edit(*, comment, user, text, now=None):
    now = now or timezone.now()
    consultation = consultation_of(comment)
    if not permissions.can_edit_comment(user, comment, consultation, now):
        raise RuleBroken(_("This comment can no longer be edited."))
    comment.text = _clean_text(text)
    comment.edited_at = now
    comment.save(update_fields=["text", "edited_at"])
    threads.changed(comment.consultation_key)
    return comment


def comment_delete(*, comment, user):
    if not permissions.can_delete_comment(user, comment):
        raise RuleBroken(_("You can only delete your own comments."))
    Comment.objects.filter(pk=comment.pk).update(state=Comment.State.DELETED, text="")
    comment.refresh_from_db()
    _comments_changed(comment.consultation_key)
    return comment


def comment_rate(*, comment, user, rating, now=None):
    """``rating`` is "up", "down" or "none" (withdraw).  One rating per person per comment."""
    now = now or timezone.now()
    consultation = consultation_of(comment)
    hidden = permissions.why_hidden(user, consultation)
    if hidden:
        raise RuleBroken(hidden)
    if permissions.is_author(user, comment):
        raise RuleBroken(_("You cannot rate your own comment."))
    if not permissions.can_rate_comment(user, comment, consultation, now):
        reason = permissions.why_cannot_comment(user, consultation, now)
        raise RuleBroken(reason or _("This comment cannot be rated."))
    if rating not in ("up", "down", "none"):
        raise RuleBroken(_("Choose to rate up, down, or withdraw your rating."))
    enforce(
        f"rate:{user.pk}",
        limit=RATINGS_PER_MINUTE,
        seconds=60,
        message=_("You are rating very quickly. Please wait a minute and try again."),
    )
    with transaction.atomic():
        if rating == "up":
            comment.votes.up(user.pk)
        elif rating == "down":
            comment.votes.down(user.pk)
        else:
            comment.votes.delete(user.pk)
        threads.changed(comment.consultation_key)
    comment.refresh_from_db()
    return comment


SUPPORTS_PER_MINUTE = 30
PROPOSALS_PER_HOUR = 5


def proposal_submit(*, consultation, author, title, text, language, now=None):
    now = now or timezone.now()
    reason = permissions.why_cannot_propose(author, consultation, now)
    if reason:
        raise RuleBroken(reason)
    title = clean_line(title)
    if not title:
        raise RuleBroken(_("Please give your proposal a title."))
    if len(title) > PROPOSAL_TITLE_MAX_LENGTH:
        raise RuleBroken(_("A title may be at most %(limit)d characters long.") % {"limit": PROPOSAL_TITLE_MAX_LENGTH})
    text = _clean_text(text)
    if Proposal.objects.filter(consultation_key=consultation.translation_key, author=author, title=title).exists():
        raise RuleBroken(_("You have already submitted a proposal with this title."))
    enforce(
        f"proposal:{author.pk}",
        limit=PROPOSALS_PER_HOUR,
        seconds=3600,
        message=_("You have submitted many proposals in the last hour. Please try again later."),
    )
    proposal = Proposal.objects.create(
        consultation_key=consultation.translation_key,
        author=author,
        title=title,
        text=text,
        language=language,
        created_at=now,
    )
    _follow(user=author, consultation=consultation)
    threads.changed(proposal.consultation_key)  # the participants' count
    return proposal


def _support(item, *, user, support, now, may_support, why_cannot, own, refused):
    """Support ``item`` (a proposal or a proposed wording), or withdraw one's
    support: one per person, also under concurrent requests (django-vote locks
    the item's row).  ``may_support`` and ``why_cannot`` are the item's rules in
    ``permissions``; ``own`` and ``refused`` the sentences for its author and
    for a refusal without a reason of its own."""
    now = now or timezone.now()
    consultation = consultation_of(item)
    hidden = permissions.why_hidden(user, consultation)
    if hidden:
        raise RuleBroken(hidden)
    if permissions.is_author(user, item):
        raise RuleBroken(own)
    if not may_support(user, item, consultation, now):
        raise RuleBroken(why_cannot(user, consultation, now) or refused)
    enforce(
        f"support:{user.pk}",
        limit=SUPPORTS_PER_MINUTE,
        seconds=60,
        message=_("You are supporting very quickly. Please wait a minute and try again."),
    )
    if support:
        item.votes.up(user.pk)
    else:
        item.votes.delete(user.pk)
    item.refresh_from_db()
    return item


def proposal_support(*, proposal, user, support=True, now=None):
    """Support a proposal, or withdraw one's support (see ``_support``)."""
    proposal = _support(
        proposal,
        user=user,
        support=support,
        now=now,
        may_support=permissions.can_support,
        why_cannot=permissions.why_cannot_propose,
        own=_("You cannot support your own proposal."),
        refused=_("This proposal cannot be supported."),
    )
    threads.changed(proposal.consultation_key)  # the participants' count
    return proposal


WORDINGS_PER_HOUR = 10


def section_text(consultation, section_id):
    """``(title, plain text)`` of one section of the consultation's current draft, or None."""
    for block in consultation.sections:
        if block.id == section_id:
            return block.value["title"], plain_text(block.value["body"].source)
    return None


def wording_propose(*, consultation, author, section_id, text, note="", now=None):
    """A resident proposes new wording for one section of the current draft.

    The section's text as it stands is kept with it (the difference is drawn
    against it), in the language of the consultation page the resident read."""
    now = now or timezone.now()
    reason = permissions.why_cannot_propose_wording(author, consultation, now)
    if reason:
        raise RuleBroken(reason)
    section = section_text(consultation, section_id)
    if section is None:
        raise RuleBroken(_("This section is not part of the consultation's draft."))
    title, base = section
    text = clean_text(text).strip()
    if not text:
        raise RuleBroken(_("Please write the wording you propose."))
    if len(text) > WORDING_MAX_LENGTH:
        raise RuleBroken(
            _("A proposed wording may be at most %(limit)d characters long; this one has %(length)d.")
            % {"limit": WORDING_MAX_LENGTH, "length": len(text)}
        )
    if " ".join(text.split()) == " ".join(base.split()):
        raise RuleBroken(_("Your wording is the same as the draft's. Change the text where you want it changed."))
    note = clean_text(note).strip()
    if len(note) > COMMENT_MAX_LENGTH:
        raise RuleBroken(
            _("A comment may be at most %(limit)d characters long; this one has %(length)d.")
            % {"limit": COMMENT_MAX_LENGTH, "length": len(note)}
        )
    key = consultation.translation_key
    if WordingProposal.objects.filter(consultation_key=key, section_id=section_id, author=author, text=text).exists():
        raise RuleBroken(_("You have already proposed this wording."))
    enforce(
        f"wording:{author.pk}",
        limit=WORDINGS_PER_HOUR,
        seconds=3600,
        message=_("You have proposed much new wording in the last hour. Please try again later."),
    )
    wording = WordingProposal.objects.create(
        consultation_key=key,
        section_id=section_id,
        section_title=title,
        draft=consultation.draft_number,
        base_text=base,
        author=author,
        text=text,
        note=note,
        language=consultation.locale.language_code,
        created_at=now,
    )
    _follow(user=author, consultation=consultation)
    return wording


def wording_support(*, wording, user, support=True, now=None):
    """Support a proposed wording, or withdraw one's support (see ``_support``)."""
    return _support(
        wording,
        user=user,
        support=support,
        now=now,
        may_support=permissions.can_support_wording,
        why_cannot=permissions.why_cannot_propose_wording,
        own=_("You cannot support your own proposed wording."),
        refused=_("This proposed wording cannot be supported."),
    )


def wording_moderate(*, wording, moderator, hide, reason):
    """A moderator hides a proposed wording, or shows it again, giving a reason
    (kept with it, as for comments)."""
    if not permissions.can_moderate(moderator):
        raise RuleBroken(_("Only moderators may hide or restore contributions."))
    reason = clean_text(reason).strip()
    if not reason:
        raise RuleBroken(_("Please give a reason; it is shown to the author and kept in the log."))
    wording.is_hidden, wording.hidden_reason, wording.moderated_by = hide, reason, moderator
    wording.save(update_fields=["is_hidden", "hidden_reason", "moderated_by"])
    return wording


def draft_record(*, page, now=None):
    """Keep the sections of ``page`` (one language) as draft ``page.draft_number``.

    Called when a consultation is published: the same draft published again
    replaces its rows, a raised number leaves the earlier draft as it was."""
    now = now or timezone.now()
    draft = page.draft_number
    ids = []
    with transaction.atomic():
        for position, block in enumerate(page.sections):
            ids.append(block.id)
            DraftSection.objects.update_or_create(
                page=page,
                draft=draft,
                section_id=block.id,
                defaults={
                    "position": position,
                    "title": block.value["title"],
                    "text": plain_text(block.value["body"].source),
                    "published_at": now,
                },
            )
        DraftSection.objects.filter(page=page, draft=draft).exclude(section_id__in=ids).delete()


REPORTS_PER_HOUR = 20


def comment_report(*, comment, reporter, reason, details=""):
    """A resident reports a comment.  Once ``RADA_REPORTS_TO_HIDE`` different
    residents have, it is hidden until a moderator decides, and that is logged."""
    consultation = consultation_of(comment)
    hidden = permissions.why_hidden(reporter, consultation)
    if hidden:
        raise RuleBroken(hidden)
    if permissions.is_author(reporter, comment):
        raise RuleBroken(_("You cannot report your own comment."))
    if not permissions.can_report(reporter, comment, consultation):
        raise RuleBroken(_("This comment cannot be reported."))
    if reason not in Report.Reason.values:
        raise RuleBroken(_("Choose a reason for the report."))
    details = clean_text(details).strip()
    if len(details) > 500:
        raise RuleBroken(_("Please describe the problem in at most 500 characters."))
    enforce(
        f"report:{reporter.pk}",
        limit=REPORTS_PER_HOUR,
        seconds=3600,
        message=_("You have sent many reports in the last hour. Please try again later."),
    )
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        try:
            with transaction.atomic():
                Report.objects.create(comment=locked, reporter=reporter, reason=reason, details=details)
        except IntegrityError:
            raise RuleBroken(_("You have already reported this comment.")) from None
        open_reports = locked.reports.filter(resolved=False).count()
        if locked.is_published and open_reports >= settings.RADA_REPORTS_TO_HIDE:
            locked.state = Comment.State.HIDDEN
            locked.needs_review = True
            locked.save(update_fields=["state", "needs_review"])
            ModerationDecision.objects.create(
                comment=locked,
                action=ModerationDecision.Action.AUTO_HIDE,
                reason=f"{open_reports} reports",
            )
        elif locked.is_published:
            Comment.objects.filter(pk=locked.pk).update(needs_review=True)
    comment.refresh_from_db()
    return comment


def _decide(*, comment, moderator, action, reason):
    if not permissions.can_moderate(moderator):
        raise RuleBroken(_("Only moderators can do this."))
    reason = clean_text(reason).strip()
    if not reason:
        raise RuleBroken(_("Please give a reason; it is shown to the author and kept in the log."))
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if locked.state == Comment.State.DELETED:
            raise RuleBroken(_("The author has deleted this comment."))
        if action == ModerationDecision.Action.HIDE:
            locked.state, locked.hidden_reason = Comment.State.HIDDEN, reason
        else:
            locked.state, locked.hidden_reason = Comment.State.PUBLISHED, ""
        locked.needs_review = False
        locked.save(update_fields=["state", "hidden_reason", "needs_review"])
        locked.reports.filter(resolved=False).update(resolved=True)
        ModerationDecision.objects.create(comment=locked, moderator=moderator, action=action, reason=reason)
        _comments_changed(locked.consultation_key)
    comment.refresh_from_db()
    return comment


def comment_hide(*, comment, moderator, reason):
    return _decide(comment=comment, moderator=moderator, action=ModerationDecision.Action.HIDE, reason=reason)


def comment_restore(*, comment, moderator, reason):
    return _decide(comment=comment, moderator=moderator, action=ModerationDecision.Action.RESTORE, reason=reason)


def outcome_published(*, outcome, user=None, now=None):
    """Called when an outcome page is published: the consultation, in every
    language, now has a published outcome, and proposals answered in the
    outcome carry that answer too."""
    now = now or timezone.now()
    consultation = outcome.get_parent().specific
    with transaction.atomic():
        ConsultationPage.objects.filter(
            translation_key=consultation.translation_key, outcome_published_at__isnull=True
        ).update(outcome_published_at=now)
        for answer in outcome.answers.filter(proposal__isnull=False).select_related("proposal__author"):
            changed = Proposal.objects.filter(pk=answer.proposal_id).exclude(
                answer_status=answer.status, answer=answer.justification
            )
            if changed.update(
                answer_status=answer.status, answer=answer.justification, answered_at=now, answered_by=user
            ):
                answer.proposal.answer_status, answer.proposal.answer = answer.status, answer.justification
                notifications.notify_proposal_answer(proposal=answer.proposal)
        # Told once, ever: republishing an edited outcome is not news.
        _announce(consultation=consultation, kind=ConsultationNotice.Kind.OUTCOME)
        threads.changed(consultation.translation_key)  # the city's answers under comments


def outcome_unpublished(*, outcome):
    """When no translation of any outcome of the consultation is live any more,
    the consultation goes back to *closed*."""
    consultation = outcome.get_parent().specific
    if not OutcomePage.objects.live().filter(translation_key=outcome.translation_key).exists():
        ConsultationPage.objects.filter(translation_key=consultation.translation_key).update(outcome_published_at=None)
    threads.changed(consultation.translation_key)


def area_follow_toggle(*, user, area, follow):
    if not user.is_authenticated:
        raise RuleBroken(_("Log in to follow a thematic area."))
    if area not in Area.values:
        raise RuleBroken(_("There is no such thematic area."))
    if follow:
        Follow.objects.get_or_create(user=user, area=area)
    else:
        Follow.objects.filter(user=user, area=area).delete()


OPEN_CLOSE_NOTICE_WINDOW = datetime.timedelta(days=2)


def consultation_notices_send(*, now=None):
    """Queue the e-mails of consultations that opened or closed since the last run.

    Run every few minutes (README).  Each event is told once; an event older than
    two days when first seen (say, on the first run after deployment) is recorded
    without e-mail, so nobody gets news of last year's consultations."""
    now = now or timezone.now()
    sent = 0
    seen = set()
    pages = ConsultationPage.objects.live().filter(opens_at__lte=now).order_by("pk").prefetch_related("areas")
    for page in pages:
        if page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        events = [(ConsultationNotice.Kind.OPENED, page.opens_at)]
        if page.closes_at <= now:
            events.append((ConsultationNotice.Kind.CLOSED, page.closes_at))
        done = set(
            ConsultationNotice.objects.filter(consultation_key=page.translation_key).values_list("kind", flat=True)
        )
        for kind, moment in events:
            if kind in done:
                continue
            if now - moment > OPEN_CLOSE_NOTICE_WINDOW:
                ConsultationNotice.objects.get_or_create(consultation_key=page.translation_key, kind=kind)
                continue
            sent += _announce(consultation=page, kind=kind)
    return sent


def _follow(*, user, consultation):
    Follow.objects.get_or_create(user=user, consultation_key=consultation.translation_key)


def _announce(*, consultation, kind):
    """Tell followers that ``consultation`` opened, closed or has its outcome --
    once per consultation and kind, ever, even when two senders run at once
    (the unique notice row decides).  Returns how many e-mails were queued."""
    try:
        with transaction.atomic():
            ConsultationNotice.objects.create(consultation_key=consultation.translation_key, kind=kind)
            return notifications.notify_event(consultation=consultation, kind=kind)
    except IntegrityError:
        return 0


def follow_toggle(*, user, consultation, follow):
    if not user.is_authenticated:
        raise RuleBroken(_("Log in to follow a consultation."))
    hidden = permissions.why_hidden(user, consultation)
    if follow and hidden:
        raise RuleBroken(hidden)
    if follow:
        _follow(user=user, consultation=consultation)
    else:
        Follow.objects.filter(user=user, consultation_key=consultation.translation_key).delete()


def unsubscribe(*, token):
    """Apply a signed unsubscribe link: stop following one consultation, or stop
    reply and answer e-mails.  Returns what was stopped."""
    try:
        user_id, what = notifications.read_unsubscribe_token(token)
    except signing.BadSignature:
        raise RuleBroken(_("This unsubscribe link is not valid.")) from None
    if what == notifications.REPLIES:
        User.objects.filter(pk=user_id).update(notify_replies=False)
    elif what.startswith("area:"):
        Follow.objects.filter(user_id=user_id, area=what.removeprefix("area:")).delete()
    else:
        Follow.objects.filter(user_id=user_id, consultation_key=what).delete()
    return what


# --- when a person leaves (receivers of accounts.signals, in apps.py) ---------------


def contributions_hand_over(*, user, to, remove=False, account_deleted=False):
    """What ``user`` wrote in consultations now stands under the stand-in
    account ``to``, and their pseudonyms are forgotten.

    With ``remove`` their comments become "deleted" placeholders that keep a
    thread's shape (replies by others stay), their proposals are removed and
    their supports and ratings withdrawn.  When the account is being deleted
    (``account_deleted``), what they gave (supports, ratings) and the reports
    they made, kept as moderation records, go to ``to`` too; otherwise they
    stay with the person, who may not give a second support or rating.
    Returns ``{"comments": …, "proposals": …}`` handed over or removed."""
    mine = Comment.objects.filter(author=user)
    keys = set(mine.values_list("consultation_key", flat=True))
    if remove:
        mine.update(state=Comment.State.DELETED, text="", hidden_reason="", needs_review=False)
        proposals = Proposal.objects.filter(author=user).delete()[1].get(Proposal._meta.label, 0)
        WordingProposal.objects.filter(author=user).delete()
        _withdraw_votes(user)
    else:
        if not account_deleted:
            _mark_handed_over(user, mine)
            _mark_handed_over(user, Proposal.objects.filter(author=user))
            _mark_handed_over(user, WordingProposal.objects.filter(author=user))
        proposals = Proposal.objects.filter(author=user).update(author=to)
        WordingProposal.objects.filter(author=user).update(author=to)
        if account_deleted:
            Vote.objects.filter(user_id=user.pk).update(user_id=to.pk)
    comments = mine.update(author=to)
    ConsultationPseudonym.objects.filter(user=user).delete()
    if account_deleted:
        Report.objects.filter(reporter=user).update(reporter=to)
    WordingProposal.objects.filter(moderated_by=user).update(moderated_by=None)
    for key in keys:
        _comments_changed(key)
    threads.people_changed()  # their supports, ratings and name anywhere
    return {"comments": comments, "proposals": proposals}


def _mark_handed_over(user, items):
    """Mark what ``user`` hands over but keeps an account beside (``User.handover_mark``),
    so that they still cannot support, rate or report what they wrote."""
    user.start_handover()
    items = list(items.only("pk"))
    for item in items:
        item.handover_mark = user.handover_mark(item)
    if items:
        type(items[0]).objects.bulk_update(items, ["handover_mark"], batch_size=500)


def _withdraw_votes(user):
    """Withdraw every support and rating ``user`` gave, keeping the counts right."""
    for content_type_id, object_id in Vote.objects.filter(user_id=user.pk).values_list("content_type_id", "object_id"):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        target = model.objects.filter(pk=object_id).first() if model else None
        if target is not None and hasattr(target, "votes"):
            target.votes.delete(user.pk)
    Vote.objects.filter(user_id=user.pk).delete()

"""The council's public pages and the members' and chair's screens.

Pages read through ``selectors``; every action is a POST that calls one
service and comes back with a message saying what happened or why not."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import RuleBroken
from core.text import whole_number

from . import permissions, record_views, recruitment_selectors, selectors, services
from .forms import MinutesForm, MotionForm, PaperCountForm, PollForm
from .models import Meeting, Motion, Poll

PER_PAGE = 20
SPEAKING_TIME_CHOICES = (1, 2, 3, 5, 10)  # minutes offered to the chair


def _speaking_time(request):
    """The speaking time chosen in the console, in seconds, or None (no limit)."""
    minutes = whole_number(request.POST.get("minutes", ""), maximum=999)
    return minutes * 60 if minutes else None


def _render(request, template, context, status=200):
    context.setdefault("council_page", selectors.council_page())
    return TemplateResponse(request, template, context, status=status)


def _act(request, action, success, back):
    """Runs ``action``; on success shows ``success``, on refusal the reason."""
    try:
        action()
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect(back)


def _found(item):
    if item is None:
        raise Http404
    return item


def _term(request):
    """The term named by ``?term=`` (404 if there is none such), else the current one."""
    raw = request.GET.get("term", "")
    if raw:
        return _found(selectors.term_numbered(whole_number(raw)))
    return selectors.current_term()


# --- members --------------------------------------------------------------------


def member_list(request):
    context = selectors.member_list(_term(request), today=timezone.localdate())
    context["substitutes"] = recruitment_selectors.substitutes_shown(context["term"])
    context["vacancies"] = recruitment_selectors.vacancies_of(context["term"])
    return _render(request, "council/member_list.html", context)


def member_detail(request, pk):
    context = selectors.member_record(_found(selectors.member(pk)))
    return _render(request, "council/member_detail.html", context)


# --- meetings -------------------------------------------------------------------


def meeting_list(request):
    page = Paginator(selectors.meetings(), PER_PAGE).get_page(request.GET.get("page"))
    return _render(request, "council/meeting_list.html", {"meetings": page, "page_obj": page})


def _meeting(pk):
    return _found(selectors.meeting(pk))


def meeting_detail(request, pk):
    meeting = _meeting(pk)
    user = request.user
    context = selectors.meeting_record(meeting)
    seat = permissions.seat_at(user, meeting)
    context.update(
        seat=seat,
        can_keep_attendance=permissions.can_keep_attendance(user, meeting),
        can_check_in=permissions.why_cannot_check_in(user, meeting) is None,
        minutes=selectors.minutes_of(meeting),
        can_write_minutes=permissions.can_write_minutes(user, meeting),
        my_attendance=next((m.attendance_state for m in context["members"] if seat and m.pk == seat.pk), None),
        can_ask_to_speak=permissions.why_cannot_ask_to_speak(user, meeting) is None,
        my_speaker_state=selectors.speaker_state(meeting, user),
    )
    context.update(selectors.live_context(meeting))
    return _render(request, "council/meeting_detail.html", context)


def meeting_projector(request, pk):
    """For the room's screen: large type, the current item, the live tally and result."""
    meeting = _meeting(pk)
    return _render(request, "council/projector.html", selectors.live_context(meeting))


@login_required
def meeting_console(request, pk):
    """The chair's console; the secretary uses it for the attendance list."""
    meeting = _meeting(pk)
    if not permissions.can_keep_attendance(request.user, meeting):
        messages.error(request, _("Only the chair, the vice-chair or the secretary can use the console."))
        return redirect(meeting)
    return _render(request, "council/meeting_console.html", _console_context(request, meeting))


def _console_context(request, meeting, poll_form=None):
    context = selectors.meeting_record(meeting, include_drafts=True)
    context.update(selectors.live_context(meeting))
    _name_buttons(context["members"])
    context["can_chair"] = permissions.can_chair(request.user, meeting)
    context["speaking_time_choices"] = SPEAKING_TIME_CHOICES
    item = meeting.current_item
    context["poll_form"] = poll_form or PollForm(
        initial={"question": item.motion.title if item and item.motion else ""},
        has_motion=bool(item and item.motion),
        language=meeting.language,
    )
    # The controls of the vote in progress and of those prepared on the current
    # item stand at the top of the console; the agenda below lists the rest.
    on_top = [
        poll
        for poll in context["polls"]
        if poll.is_open or (poll.state == Poll.State.DRAFT and poll.agenda_item_id == meeting.current_item_id)
    ]
    context["console_polls"] = on_top
    context["console_poll_ids"] = {poll.pk for poll in on_top}
    followed = selectors.polls_with_next_round(meeting)
    for poll in context["polls"]:
        poll.has_next_round = poll.pk in followed
    open_poll = context["open_poll"]
    if open_poll is not None and permissions.can_keep_attendance(request.user, meeting):
        context["paper_form"] = PaperCountForm(poll=open_poll)
    return context


def _name_buttons(members):
    """Each attendance button says whose presence it marks; the name is in the
    row already, so in the button it is there for screen readers only."""
    for member in members:
        member.name_in_button = format_html('<span class="visually-hidden">{}</span>', member.name)


@login_required
def console_attendance(request, pk):
    """The console's attendance list alone, which its script fetches when the
    meeting changes, so that a member's check-in shows without a reload."""
    meeting = _meeting(pk)
    if not permissions.can_keep_attendance(request.user, meeting):
        raise PermissionDenied
    context = selectors.meeting_record(meeting)
    _name_buttons(context["members"])
    response = TemplateResponse(request, "council/includes/console_attendance.html", context)
    response["Cache-Control"] = "no-store"
    return response


def _console(meeting, user):
    """Back to the console after an action, or to the meeting for whoever has no console."""
    if permissions.can_keep_attendance(user, meeting):
        return reverse("council:console", args=[meeting.pk])
    return meeting.get_absolute_url()


@login_required
@require_POST
def meeting_start(request, pk):
    meeting = _meeting(pk)
    return _act(
        request,
        lambda: services.meeting_start(meeting=meeting, user=request.user),
        _("The meeting has started."),
        _console(meeting, request.user),
    )


@login_required
@require_POST
def meeting_close(request, pk):
    """Asks first, saying what closing will do; with a vote still open the service refuses."""
    meeting = _meeting(pk)
    live = meeting.status == Meeting.Status.LIVE
    if not _confirmed(request) and live and permissions.can_chair(request.user, meeting):
        effects = selectors.closing_effects(meeting)
        if effects["open_poll"] is None:
            return _render(request, "council/confirm_meeting_close.html", {"meeting": meeting, **effects})
    return _act(
        request,
        lambda: services.meeting_close(meeting=meeting, user=request.user),
        _("The meeting is closed. A draft of the minutes is ready for the secretary."),
        meeting.get_absolute_url(),
    )


@login_required
@require_POST
def agenda_item_select(request, pk, item_pk):
    meeting = _meeting(pk)
    item = _found(selectors.agenda_item(meeting, item_pk))
    return _act(
        request,
        lambda: services.agenda_item_select(meeting=meeting, item=item, user=request.user),
        _("Now on the agenda: %(title)s") % {"title": item.title},
        _console(meeting, request.user),
    )


@login_required
@require_POST
def check_in(request, pk):
    meeting = _meeting(pk)
    return _act(
        request,
        lambda: services.attendance_check_in(meeting=meeting, user=request.user),
        _("You have checked in. The secretary will confirm that you are present."),
        meeting.get_absolute_url(),
    )


@login_required
@require_POST
def attendance_set(request, pk):
    meeting = _meeting(pk)
    member = selectors.seat_in(meeting, whole_number(request.POST.get("member")))
    present = request.POST.get("present")
    if member is None or present not in ("0", "1"):
        messages.error(request, _("Choose a member and whether they are present."))
        return redirect(_console(meeting, request.user))
    if present == "1":
        success = _("%(name)s is marked present.") % {"name": member.name}
    else:
        success = _("%(name)s is marked absent.") % {"name": member.name}
    return _act(
        request,
        lambda: services.attendance_set(meeting=meeting, membership=member, present=present == "1", user=request.user),
        success,
        _console(meeting, request.user) + "#attendance",
    )


@login_required
@require_POST
def poll_create(request, pk, item_pk):
    meeting = _meeting(pk)
    item = _found(selectors.agenda_item(meeting, item_pk))
    form = PollForm(request.POST, has_motion=item.motion_id is not None, language=meeting.language)
    if form.is_valid():
        data = form.cleaned_data
        try:
            poll = services.poll_create(
                item=item,
                user=request.user,
                question=data["question"],
                translations=form.translations(),
                kind=data["kind"],
                method=data["method"],
                majority=data["majority"],
                options=data["options"].splitlines(),
                quorum=data["quorum"],
                on_motion=data.get("on_motion", False),
                base=data["base"],
                quorum_rule=data["quorum_rule"],
                seats=data["seats"],
                votes_per_ballot=data["votes_per_ballot"],
            )
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The vote is prepared. Open it when the members are ready."))
            return redirect(_console(meeting, request.user) + f"#poll-{poll.pk}")
    reason = permissions.why_cannot_run(request.user, meeting)
    if reason:
        messages.error(request, reason)
        return redirect(meeting)
    return _render(request, "council/meeting_console.html", _console_context(request, meeting, form), status=400)


def _poll(pk):
    return _found(selectors.poll(pk))


def _confirmed(request):
    return request.POST.get("confirm") == "1"


@login_required
@require_POST
def poll_open(request, pk):
    """Opening a vote without a quorum asks first: a vote closed without one is not valid."""
    poll = _poll(pk)
    meeting = poll.agenda_item.meeting
    askable = poll.state == Poll.State.DRAFT and meeting.status == Meeting.Status.LIVE
    if not _confirmed(request) and askable and permissions.can_chair(request.user, meeting):
        quorum = selectors.quorum_for(poll)
        if not quorum["reached"]:
            context = {"meeting": meeting, "poll": poll, "quorum": quorum}
            return _render(request, "council/confirm_poll_open.html", context)
    return _act(
        request,
        lambda: services.poll_open(poll=poll, user=request.user),
        _("Voting is open."),
        _console(poll.agenda_item.meeting, request.user) + f"#poll-{poll.pk}",
    )


@login_required
@require_POST
def poll_close(request, pk):
    poll = _poll(pk)
    back = _console(poll.agenda_item.meeting, request.user)
    try:
        closed = services.poll_close(poll=poll, user=request.user)
    except RuleBroken as error:
        messages.error(request, error.message)
        return redirect(back + f"#poll-{poll.pk}")
    if closed.outcome == Poll.Outcome.VOID:
        messages.error(
            request,
            _("The ballot box was lost in a server failure; repeat the vote. The same vote is prepared again below."),
        )
        return redirect(back + f"#poll-{closed.repeated_by.pk}")
    messages.success(request, _("Voting is closed and the result is recorded."))
    return redirect(back + f"#poll-{poll.pk}")


@login_required
@require_POST
def poll_next_round(request, pk):
    """One click prepares the next round of an election that left seats open."""
    poll = _poll(pk)
    try:
        new = services.poll_next_round(poll=poll, user=request.user)
    except RuleBroken as error:
        messages.error(request, error.message)
        return redirect(_console(poll.agenda_item.meeting, request.user) + f"#poll-{poll.pk}")
    messages.success(request, _("The next round is prepared. Open it when the members are ready."))
    return redirect(_console(poll.agenda_item.meeting, request.user) + f"#poll-{new.pk}")


@login_required
@require_POST
def poll_paper(request, pk):
    """The secretary enters the counts of a show of hands or of paper ballots."""
    poll = _poll(pk)
    meeting = poll.agenda_item.meeting
    back = _console(meeting, request.user) + f"#poll-{poll.pk}"
    form = PaperCountForm(request.POST, poll=poll)
    if not form.is_valid():
        messages.error(request, _("Write each count as a whole number from 0 to 999."))
        return redirect(back)
    return _act(
        request,
        lambda: services.paper_count_enter(
            poll=poll,
            user=request.user,
            counts=form.counts(),
            invalid=form.cleaned_data["invalid"],
            ballots=form.cleaned_data.get("ballots"),
        ),
        _("The paper counts are recorded."),
        back,
    )


@login_required
@require_POST
def poll_discard(request, pk):
    poll = _poll(pk)
    return _act(
        request,
        lambda: services.poll_discard(poll=poll, user=request.user),
        _("The prepared vote is removed."),
        _console(poll.agenda_item.meeting, request.user),
    )


def ballot(request, pk):
    """The member's voting screen: the open poll with one large button per option."""
    meeting = _meeting(pk)
    poll = selectors.open_poll(meeting)
    seat = permissions.seat_at(request.user, meeting)
    context = {"meeting": meeting, "poll": poll, "seat": seat, "reason": None, "voted": False}
    if poll is not None:
        context["voted"] = selectors.has_voted(poll, seat)
        context["reason"] = permissions.why_cannot_vote(
            request.user,
            poll,
            meeting=meeting,
            attendance_state=selectors.attendance_state(meeting, seat),
            has_voted=context["voted"],
        )
    context.update({key: value for key, value in selectors.live_context(meeting).items() if key != "meeting"})
    return _render(request, "council/ballot.html", context)


@require_POST
def ballot_cast(request, pk):
    poll = _poll(pk)
    back = reverse("council:ballot", args=[poll.agenda_item.meeting_id])
    # The message never names the choice: in a secret poll it would otherwise
    # sit in the session, beside the member's id.
    return _act(
        request,
        lambda: services.ballot_cast(poll=poll, user=request.user, option_ids=request.POST.getlist("choice")),
        _("Your ballot is recorded. Thank you."),
        back,
    )


# --- the speakers' list --------------------------------------------------------------


@login_required
@require_POST
def speak(request, pk):
    meeting = _meeting(pk)
    if request.POST.get("withdraw"):
        action = lambda: services.speaker_withdraw(meeting=meeting, user=request.user)  # noqa: E731
        success = _("You are no longer on the speakers' list.")
    else:
        action = lambda: services.speaker_request(meeting=meeting, user=request.user)  # noqa: E731
        success = _("You are on the speakers' list. The chair will give you the floor.")
    return _act(request, action, success, meeting.get_absolute_url() + "#live-heading")


@login_required
@require_POST
def speaker_floor(request, pk, request_pk):
    meeting = _meeting(pk)
    speaker = _found(selectors.speaker_request(meeting, request_pk))
    return _act(
        request,
        lambda: services.speaker_give_floor(request=speaker, user=request.user, time_limit=_speaking_time(request)),
        _("%(name)s has the floor.") % {"name": speaker.name},
        _console(meeting, request.user) + "#speakers",
    )


@login_required
@require_POST
def speaker_time(request, pk):
    meeting = _meeting(pk)
    return _act(
        request,
        lambda: services.speaker_set_time(meeting=meeting, user=request.user, time_limit=_speaking_time(request)),
        _("The speaking time is set."),
        _console(meeting, request.user) + "#speakers",
    )


@login_required
@require_POST
def speaker_finish(request, pk):
    meeting = _meeting(pk)
    return _act(
        request,
        lambda: services.speaker_finish(meeting=meeting, user=request.user),
        _("The speaker has finished."),
        _console(meeting, request.user) + "#speakers",
    )


@login_required
@require_POST
def speaker_guest(request, pk):
    meeting = _meeting(pk)
    return _act(
        request,
        lambda: services.speaker_add_guest(meeting=meeting, user=request.user, name=request.POST.get("name", "")),
        _("The guest is on the speakers' list."),
        _console(meeting, request.user) + "#speakers",
    )


@login_required
@require_POST
def guests_allow(request, pk):
    meeting = _meeting(pk)
    allowed = request.POST.get("allowed") == "1"
    message = _("Guests may now ask to speak.") if allowed else _("Only members may now ask to speak.")
    return _act(
        request,
        lambda: services.guests_allow(meeting=meeting, user=request.user, allowed=allowed),
        message,
        _console(meeting, request.user) + "#speakers",
    )


# --- minutes ----------------------------------------------------------------------


def minutes_detail(request, pk):
    meeting = _meeting(pk)
    minutes = _found(selectors.minutes_of(meeting))
    if not minutes.is_published and not permissions.can_write_minutes(request.user, meeting):
        raise Http404
    context = selectors.meeting_record(meeting)
    context["minutes"] = minutes
    context["can_write_minutes"] = permissions.can_write_minutes(request.user, meeting)
    context.update(
        record_views.record_languages(
            request,
            minutes,
            translations_url=reverse("council:minutes_translations", args=[meeting.pk]),
            pdf_url=reverse("council:minutes_pdf", args=[meeting.pk]),
        )
    )
    return _render(request, "council/minutes.html", context)


@login_required
def minutes_edit(request, pk):
    meeting = _meeting(pk)
    minutes = _found(selectors.minutes_of(meeting))
    back = reverse("council:minutes", args=[meeting.pk])
    if not permissions.can_write_minutes(request.user, meeting):
        messages.error(request, _("Only the secretary, the chair or the vice-chair edits the minutes."))
        return redirect(meeting)
    if minutes.is_published:
        messages.error(request, _("The minutes are published and can no longer be changed."))
        return redirect(back)
    form = MinutesForm(request.POST or None, initial={"text": minutes.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_update(minutes=minutes, user=request.user, text=form.cleaned_data["text"])
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The minutes are saved. They are not public until you publish them."))
            return redirect(back)
    status = 400 if form.errors else 200
    return _render(request, "council/minutes_form.html", {"meeting": meeting, "form": form}, status=status)


@login_required
@require_POST
def minutes_publish(request, pk):
    meeting = _meeting(pk)
    minutes = _found(selectors.minutes_of(meeting))
    return _act(
        request,
        lambda: services.minutes_publish(minutes=minutes, user=request.user),
        _("The minutes are published."),
        reverse("council:minutes", args=[meeting.pk]),
    )


# --- motions ---------------------------------------------------------------------


def motion_list(request):
    term = _term(request)
    state = request.GET.get("state", "")
    motions = selectors.public_motions(term, state=state)
    page = Paginator(motions, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "term": term,
        "motions": page,
        "page_obj": page,
        "state": state,
        "states": [choice for choice in Motion.State.choices if choice[0] != Motion.State.DRAFT],
        "drafts": [],
        "can_write": permissions.why_cannot_write_motion(request.user, term) is None,
    }
    if permissions.membership_of(request.user, term) is not None:
        context["drafts"] = selectors.drafts_of(term)
    return _render(request, "council/motion_list.html", context)


def _visible_motion(request, pk):
    motion = _found(selectors.motion(pk))
    if not permissions.can_view_motion(request.user, motion):
        raise Http404
    return motion


def motion_detail(request, pk):
    motion = _visible_motion(request, pk)
    user = request.user
    context = selectors.motion_record(motion)
    signed_in = user.is_authenticated
    context.update(
        can_edit=permissions.can_edit_motion(user, motion),
        can_submit=signed_in and permissions.why_cannot_submit(user, motion) is None,
        can_withdraw=signed_in and permissions.why_cannot_withdraw(user, motion) is None,
        can_sponsor=signed_in and permissions.why_cannot_sponsor(user, motion) is None,
        is_sponsor=signed_in and any(sponsor.pk == user.pk for sponsor in context["sponsors"]),
        meetings=selectors.meetings_open_in(motion.term)
        if permissions.why_cannot_schedule(user, motion) is None
        else [],
    )
    context.update(
        record_views.record_languages(
            request, motion, translations_url=reverse("council:motion_translations", args=[motion.pk])
        )
    )
    return _render(request, "council/motion_detail.html", context)


@login_required
def motion_create(request):
    term = selectors.current_term()
    reason = permissions.why_cannot_write_motion(request.user, term)
    if reason:
        messages.error(request, reason)
        return redirect("council:motions")
    form = MotionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            motion = services.motion_draft(term=term, submitter=request.user, **form.cleaned_data)
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your draft is saved. Other members can now co-sponsor it; submit it when it is ready.")
            )
            return redirect(motion)
    status = 400 if form.errors else 200
    return _render(request, "council/motion_form.html", {"form": form, "motion": None}, status=status)


@login_required
def motion_edit(request, pk):
    motion = _visible_motion(request, pk)
    if not permissions.can_edit_motion(request.user, motion):
        messages.error(
            request, _("Only the member who drafted the motion can change it, and only before submitting it.")
        )
        return redirect(motion)
    initial = {name: getattr(motion, name) for name in ("title", "text", "rationale", "area", "language")}
    initial["consultation_key"] = str(motion.consultation_key or "")
    form = MotionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.motion_update(motion=motion, user=request.user, **form.cleaned_data)
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your draft is saved."))
            return redirect(motion)
    status = 400 if form.errors else 200
    return _render(request, "council/motion_form.html", {"form": form, "motion": motion}, status=status)


@login_required
@require_POST
def motion_submit(request, pk):
    motion = _visible_motion(request, pk)
    return _act(
        request,
        lambda: services.motion_submit(motion=motion, user=request.user),
        _("The motion is submitted. The chair can now put it on a meeting's agenda."),
        motion.get_absolute_url(),
    )


@login_required
@require_POST
def motion_sponsor(request, pk):
    motion = _visible_motion(request, pk)
    try:
        sponsoring = services.motion_sponsor_toggle(motion=motion, user=request.user)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        if sponsoring:
            messages.success(request, _("You co-sponsor this motion."))
        else:
            messages.success(request, _("You no longer co-sponsor this motion."))
    return redirect(motion)


@login_required
@require_POST
def motion_withdraw(request, pk):
    motion = _visible_motion(request, pk)
    return _act(
        request,
        lambda: services.motion_withdraw(motion=motion, user=request.user),
        _("The motion is withdrawn."),
        motion.get_absolute_url(),
    )


@login_required
@require_POST
def motion_schedule(request, pk):
    motion = _visible_motion(request, pk)
    meeting_id = whole_number(request.POST.get("meeting"))
    meeting = selectors.meeting(meeting_id) if meeting_id is not None else None
    if meeting is None:
        messages.error(request, _("Choose a meeting."))
        return redirect(motion)
    return _act(
        request,
        lambda: services.motion_schedule(motion=motion, meeting=meeting, user=request.user),
        _("The motion is on the agenda of %(meeting)s.") % {"meeting": meeting},
        motion.get_absolute_url(),
    )


# --- resolutions --------------------------------------------------------------------


def resolution_list(request):
    term = _term(request)
    page = Paginator(selectors.resolutions(term), PER_PAGE).get_page(request.GET.get("page"))
    context = {"term": term, "resolutions": page, "page_obj": page, "terms": selectors.terms()}
    return _render(request, "council/resolution_list.html", context)


def resolution_detail(request, pk):
    resolution = _found(selectors.resolution(pk))
    follow_up = selectors.city_follow_up(resolution, today=timezone.localdate())
    context = {
        "resolution": resolution,
        "follow_up": follow_up,
        "opinion_subject": selectors.opinion_subject(resolution.motion),
    }
    context.update(
        record_views.record_languages(
            request,
            resolution,
            translations_url=reverse("council:resolution_translations", args=[resolution.pk]),
            pdf_url=reverse("council:resolution_pdf", args=[resolution.pk]),
        )
    )
    return _render(request, "council/resolution_detail.html", context)

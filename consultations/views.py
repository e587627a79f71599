"""HTTP in, one service call, a redirect or the same page with the form filled."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import RuleBroken
from core.language import language_home

from . import permissions, selectors, services
from .forms import (
    CommentEditForm,
    CommentForm,
    FacilitatedCommentForm,
    ProposalForm,
    PseudonymForm,
    RatingForm,
    ReportForm,
    WordingForm,
)
from .models import Comment, Proposal, WordingProposal


def _visible_consultation(request, page_id):
    """The consultation ``page_id`` if the reader may see it now; else 404, so
    that an unpublished or private consultation does not reveal it exists."""
    consultation = selectors.visible_consultation(page_id, user=request.user)
    if consultation is None:
        raise Http404
    return consultation


def _consultation_of(request, item):
    """The consultation of a comment or proposal if the reader may see it now; else 404."""
    consultation = services.consultation_of(item)
    if not permissions.may_see(request.user, consultation):
        raise Http404
    return consultation


def _back_to(consultation, request, comment=None, anchor=None):
    """To the consultation in the reader's language, at the comment or anchor."""
    visible = consultation is not None and permissions.may_see(request.user, consultation)
    url = consultation.localized.get_url(request) if visible else language_home()
    if comment is not None:
        anchor = f"comment-{comment.pk}"
    return redirect(f"{url}#{anchor}" if anchor else url)


@require_POST
def comment_create(request, page_id):
    """A new comment or reply on a consultation (the form on its page)."""
    consultation = _visible_consultation(request, page_id)
    form = CommentForm(
        request.POST,
        sections=consultation.section_titles(),
        official=permissions.can_answer_as_city(request.user),
    )
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = selectors.comment_or_none(form.cleaned_data["parent"])
        try:
            comment = services.comment_post(
                consultation=consultation,
                author=request.user,
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
                section_id=form.cleaned_data["section"],
                parent=parent,
                official=form.cleaned_data.get("official", False),
            )
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. Your comment is published."), extra_tags=f"at-comment-{comment.pk}")
            return _back_to(consultation, request, comment)
    context = consultation.get_context(request, form=form)
    return TemplateResponse(request, consultation.get_template(request), context, status=400)


@login_required
@require_POST
def pseudonym(request, page_id):
    """Choose (or, with ``clear``, drop) one's name in one consultation."""
    consultation = _visible_consultation(request, page_id)
    if request.POST.get("clear"):
        services.pseudonym_clear(user=request.user, consultation=consultation)
        messages.success(request, _("You write under your public name again in this consultation."))
        return _back_to(consultation, request, anchor="pseudonym")
    form = PseudonymForm(request.POST)
    if form.is_valid():
        try:
            services.pseudonym_set(user=request.user, consultation=consultation, name=form.cleaned_data["name"])
        except RuleBroken as error:
            form.add_error("name", error.message)
        else:
            messages.success(request, _("Your comments and proposals here now show this name."))
            return _back_to(consultation, request, anchor="pseudonym")
    context = consultation.get_context(request, pseudonym_form=form)
    return TemplateResponse(request, consultation.get_template(request), context, status=400)


@login_required
def comment_facilitate(request, page_id):
    """A facilitator enters a comment on behalf of a resident."""
    consultation = _visible_consultation(request, page_id)
    reason = permissions.why_cannot_enter_for_resident(request.user, consultation, timezone.now())
    if reason and not permissions.is_facilitator(request.user):
        raise PermissionDenied(reason)
    sections = consultation.section_titles()
    form = FacilitatedCommentForm(request.POST or None, sections=sections)
    if request.method == "POST" and form.is_valid():
        try:
            comment = services.comment_enter_for_resident(
                consultation=consultation,
                facilitator=request.user,
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
                source=form.cleaned_data["source"],
                consent=form.cleaned_data["consent"],
                resident_name=form.cleaned_data["resident_name"],
                section_id=form.cleaned_data["section"],
            )
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The resident's comment is published, marked as entered by a facilitator."))
            return _back_to(consultation, request, comment)
    context = {"form": form, "consultation": consultation.localized, "cannot_reason": reason}
    status = 400 if form.errors else 200
    return TemplateResponse(request, "consultations/comment_facilitate.html", context, status=status)


@login_required
def comment_edit(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    consultation = _consultation_of(request, comment)
    if request.method == "POST":
        form = CommentEditForm(request.POST)
        if form.is_valid():
            try:
                services.comment_edit(comment=comment, user=request.user, text=form.cleaned_data["text"])
            except RuleBroken as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your comment is updated."))
                return _back_to(consultation, request, comment)
    else:
        if not permissions.can_edit_comment(request.user, comment, consultation, timezone.now()):
            messages.error(request, _("This comment can no longer be edited."))
            return _back_to(consultation, request, comment)
        form = CommentEditForm(initial={"text": comment.text})
    status = 400 if form.errors else 200
    context = {"form": form, "comment": comment, "consultation": consultation.localized}
    return TemplateResponse(request, "consultations/comment_edit.html", context, status=status)


@login_required
@require_POST
def comment_delete(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    try:
        services.comment_delete(comment=comment, user=request.user)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your comment is deleted."))
    return _back_to(services.consultation_of(comment), request, comment)


@login_required
@require_POST
def comment_rate(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    consultation = _consultation_of(request, comment)
    form = RatingForm(request.POST)
    try:
        if not form.is_valid():
            raise RuleBroken(_("Choose to rate up, down, or withdraw your rating."))
        services.comment_rate(comment=comment, user=request.user, rating=form.cleaned_data["rating"])
    except RuleBroken as error:
        messages.error(request, error.message, extra_tags=f"at-comment-{comment.pk}")
    else:
        withdrawn = form.cleaned_data["rating"] == "none"
        messages.success(
            request,
            _("Your rating is withdrawn.") if withdrawn else _("Thank you. Your rating is counted."),
            extra_tags=f"at-comment-{comment.pk}",
        )
    return _back_to(consultation, request, comment)


@require_POST
def proposal_submit(request, page_id):
    consultation = _visible_consultation(request, page_id)
    form = ProposalForm(request.POST)
    if form.is_valid():
        try:
            proposal = services.proposal_submit(
                consultation=consultation,
                author=request.user,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
            )
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Thank you. Your proposal is published."), extra_tags=f"at-proposal-{proposal.pk}"
            )
            return redirect(f"{consultation.get_url(request)}?proposals=date#proposal-{proposal.pk}")
    context = consultation.get_context(request, proposal_form=form)
    return TemplateResponse(request, consultation.get_template(request), context, status=400)


@login_required
@require_POST
def proposal_support(request, pk):
    proposal = get_object_or_404(Proposal, pk=pk)
    consultation = _consultation_of(request, proposal)
    support = request.POST.get("support") != "no"
    try:
        services.proposal_support(proposal=proposal, user=request.user, support=support)
    except RuleBroken as error:
        messages.error(request, error.message, extra_tags=f"at-proposal-{proposal.pk}")
    else:
        messages.success(
            request,
            _("Thank you. Your support is counted.") if support else _("Your support is withdrawn."),
            extra_tags=f"at-proposal-{proposal.pk}",
        )
    return _back_to(consultation, request, anchor=f"proposal-{proposal.pk}")


@login_required
def comment_report(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    consultation = _consultation_of(request, comment)
    if not permissions.can_report(request.user, comment, consultation):
        # Also keeps hidden and deleted text off this page, which quotes the comment.
        messages.error(request, _("This comment cannot be reported."))
        return _back_to(consultation, request, comment)
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                services.comment_report(
                    comment=comment,
                    reporter=request.user,
                    reason=form.cleaned_data["reason"],
                    details=form.cleaned_data["details"],
                )
            except RuleBroken as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Thank you. A moderator will look at this comment."))
                return _back_to(consultation, request, comment)
    else:
        form = ReportForm()
    context = {"form": form, "comment": comment, "consultation": consultation.localized}
    return TemplateResponse(request, "consultations/comment_report.html", context, status=400 if form.errors else 200)


@require_POST
def follow(request, page_id):
    consultation = _visible_consultation(request, page_id)
    following = request.POST.get("follow") != "no"
    # From a list of what one follows ("my participation"): back to it, the message at its top;
    # from the consultation's page: back to the button, the message beside it.
    target = request.POST.get("next", "")
    if not (
        target
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        target = ""
    place = "" if target else "at-follow"
    try:
        services.follow_toggle(user=request.user, consultation=consultation, follow=following)
    except RuleBroken as error:
        messages.error(request, error.message, extra_tags=place)
    else:
        if target:
            if not following:
                messages.success(
                    request, _("You no longer follow %(title)s.") % {"title": consultation.localized.title}
                )
        else:
            messages.success(
                request,
                _("You follow this consultation: we will e-mail you when its outcome is published.")
                if following
                else _("You no longer follow this consultation."),
                extra_tags=place,
            )
    return redirect(target or consultation.get_url(request) + "#follow")


@require_POST
def follow_area(request, area):
    following = request.POST.get("follow") != "no"
    try:
        services.area_follow_toggle(user=request.user, area=area, follow=following)
    except RuleBroken as error:
        messages.error(request, error.message, extra_tags="at-follow")
    else:
        messages.success(
            request,
            _("You follow this area: we will e-mail you about its consultations.")
            if following
            else _("You no longer follow this area."),
            extra_tags="at-follow",
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = language_home()
    return redirect(target + "#follow")


def unsubscribe(request, token):
    """GET shows one button (mail scanners follow links; they must not unsubscribe
    anyone); POST applies it."""
    done = False
    error = None
    if request.method == "POST":
        try:
            services.unsubscribe(token=token)
            done = True
        except RuleBroken as broken:
            error = broken.message
    return TemplateResponse(
        request, "consultations/unsubscribe.html", {"done": done, "error": error}, status=400 if error else 200
    )


# A section's id is a Wagtail block id (a UUID); anything else names no section,
# and must not reach the database (PostgreSQL refuses NUL in a string).
SECTION_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


def _section_id(section_id):
    if not SECTION_ID.fullmatch(section_id):
        raise Http404
    return section_id


def section_wording(request, page_id, section_id):
    """A section of the draft with the wordings residents proposed for it; POST proposes one."""
    consultation = _visible_consultation(request, page_id)
    section_id = _section_id(section_id)
    form = None
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        form = WordingForm(request.POST)
        if form.is_valid():
            try:
                wording = services.wording_propose(
                    consultation=consultation,
                    author=request.user,
                    section_id=section_id,
                    text=form.cleaned_data["text"],
                    note=form.cleaned_data["note"],
                )
            except RuleBroken as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("Thank you. Your wording is published."), extra_tags=f"at-wording-{wording.pk}"
                )
                return redirect(f"{request.path}#wording-{wording.pk}")
        status = 400
    context = selectors.section_wordings(
        consultation=consultation,
        section_id=section_id,
        params=request.GET,
        user=request.user,
        now=timezone.now(),
        form=form,
    )
    if context["section"] is None:
        raise Http404
    return TemplateResponse(request, "consultations/section_wording.html", context, status=status)


@login_required
@require_POST
def wording_support(request, pk):
    wording = get_object_or_404(WordingProposal, pk=pk)
    consultation = _consultation_of(request, wording)
    support = request.POST.get("support") != "no"
    try:
        services.wording_support(wording=wording, user=request.user, support=support)
    except RuleBroken as error:
        messages.error(request, error.message, extra_tags=f"at-wording-{wording.pk}")
    else:
        messages.success(
            request,
            _("Thank you. Your support is counted.") if support else _("Your support is withdrawn."),
            extra_tags=f"at-wording-{wording.pk}",
        )
    url = reverse("consultations:section_wording", args=[consultation.localized.pk, wording.section_id])
    return redirect(f"{url}#wording-{wording.pk}")


def section_drafts(request, page_id, section_id):
    """One section of the draft in two of its drafts, compared."""
    consultation = _visible_consultation(request, page_id)
    section_id = _section_id(section_id)
    context = selectors.section_drafts(consultation=consultation, section_id=section_id, params=request.GET)
    if not context["found"]:
        raise Http404
    return TemplateResponse(request, "consultations/section_drafts.html", context)

from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from core.admin_panels import Row, WaitingPanel
from core.errors import RuleBroken
from core.language import language_name

from . import admin_exports, admin_views, dashboard, notifications, permissions, services, workflow_names
from .models import ConsultationPage, OutcomePage, Proposal, Status, WordingProposal


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path("moderation/", admin_views.moderation_queue, name="consultations_moderation"),
        path(
            "moderation/<int:pk>/<str:action>/",
            admin_views.moderation_decide,
            name="consultations_moderation_decide",
        ),
        path("exports/", admin_exports.exports, name="consultations_exports"),
        path("exports/<str:name>.<str:file_format>", admin_exports.export, name="consultations_export"),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModerationMenuItem(_("Moderation"), reverse("consultations_moderation"), icon_name="warning", order=250)


@hooks.register("register_admin_menu_item")
def exports_menu_item():
    return ModerationMenuItem(_("Data exports"), reverse("consultations_exports"), icon_name="download", order=260)


class ProposalAnswerView(EditView):
    """Records who answered and when, whenever the answer changes."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        answered = {"answer_status", "answer"} & set(self.form.changed_data)
        if answered:
            instance.answered_by = self.request.user
            instance.answered_at = timezone.now()
        instance.save()
        if answered:
            notifications.notify_proposal_answer(proposal=instance)
        return instance


class ProposalViewSet(ModelViewSet):
    model = Proposal
    icon = "tick"
    menu_label = _("Proposals")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "author", "created_at", "num_vote_up", "answer_status"]
    list_filter = ["answer_status", "language", "is_hidden"]
    search_fields = ["title", "text"]
    form_fields = ["answer_status", "answer", "is_hidden"]
    edit_view_class = ProposalAnswerView
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_proposal_viewset():
    return ProposalViewSet("proposals")


class WordingModerateView(EditView):
    """Hiding or showing a proposed wording again goes through the service,
    which checks the moderator and asks for a reason."""

    def save_instance(self):
        instance = self.form.instance
        try:
            return services.wording_moderate(
                wording=instance,
                moderator=self.request.user,
                hide=self.form.cleaned_data["is_hidden"],
                reason=self.form.cleaned_data["hidden_reason"],
            )
        except RuleBroken as error:
            raise ValidationError(error.message) from error

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)


class NoAddingPolicy(ModelPermissionPolicy):
    """Residents write proposed wording; the admin only moderates it."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class WordingViewSet(ModelViewSet):
    model = WordingProposal
    icon = "edit"
    menu_label = _("Proposed wording")
    menu_order = 261
    add_to_admin_menu = True
    list_display = ["section_title", "author", "created_at", "num_vote_up", "is_hidden"]
    list_filter = ["language", "is_hidden"]
    search_fields = ["text", "note", "section_title"]
    form_fields = ["is_hidden", "hidden_reason"]
    edit_view_class = WordingModerateView
    inspect_view_enabled = True
    copy_view_enabled = False


register_permission_policy(WordingProposal, NoAddingPolicy(WordingProposal))


@hooks.register("register_admin_viewset")
def register_wording_viewset():
    return WordingViewSet("wordings")


# --- the officials' dashboard -----------------------------------------------------------


@hooks.register("construct_homepage_panels")
def waiting_in_consultations(request, panels):
    user = request.user
    if permissions.can_moderate(user):
        queue = reverse("consultations_moderation")
        rows = [
            Row(label=language_name(code), count=count, url=f"{queue}?language={code}")
            for code, count in dashboard.comments_to_moderate()
        ]
        panels.append(
            WaitingPanel(
                name="comments-to-moderate",
                heading=gettext("Comments to moderate, by language"),
                rows=rows,
                order=10,
                empty=gettext("No comment is waiting for a moderator."),
            )
        )
    if PagePermissionPolicy().user_has_permission(user, "add"):
        rows = [
            Row(label=page.title, count=1, url=outcome_url(page), action=outcome_action(page))
            for page in dashboard.closed_without_outcome(now=timezone.now())
        ]
        panels.append(
            WaitingPanel(
                name="closed-without-outcome",
                heading=gettext("Consultations closed without an outcome"),
                rows=rows,
                order=20,
                empty=gettext("Every closed consultation has its outcome published."),
            )
        )


def outcome_url(page):
    """Where an official writes the outcome of ``page``: its draft if one was begun."""
    if getattr(page, "draft_outcome_id", None):
        return reverse("wagtailadmin_pages:edit", args=[page.draft_outcome_id])
    return reverse("wagtailadmin_pages:add", args=["consultations", "outcomepage", page.pk])


def outcome_action(page):
    if getattr(page, "draft_outcome_id", None):
        return gettext("Finish the outcome")
    return gettext("Add the outcome")


# --- "Add the outcome" where an official looks at a closed consultation ---------------------


def _needs_outcome(page, user):
    """A closed consultation without a published outcome, which ``user`` may add pages under."""
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    if not isinstance(specific, ConsultationPage):
        return None
    if specific.status_at(timezone.now()) != Status.CLOSED:
        return None
    if not page.permissions_for_user(user).can_add_subpage():
        return None
    draft = OutcomePage.objects.child_of(page).values_list("pk", flat=True).first()
    specific.draft_outcome_id = draft
    return specific


@hooks.register("register_page_header_buttons")
def outcome_header_button(page, user, view_name, next_url=None):
    consultation = _needs_outcome(page, user)
    if consultation is not None:
        yield Button(outcome_action(consultation), url=outcome_url(consultation), icon_name="tick", priority=12)


@hooks.register("register_page_listing_buttons")
def outcome_listing_button(page, user, next_url=None):
    consultation = _needs_outcome(page, user)
    if consultation is not None:
        yield ListingButton(
            outcome_action(consultation),
            url=outcome_url(consultation),
            icon_name="tick",
            attrs={
                "aria-label": gettext("%(action)s: %(title)s")
                % {"action": outcome_action(consultation), "title": page.get_admin_display_title()}
            },
            priority=5,
        )


# --- the page editor's actions -------------------------------------------------------------

# The submit button's whole sentence for Rada's workflow and task (their names
# are translated on their own by ``workflow_names``), since "Submit to" followed
# by a name reads badly in Polish, Ukrainian and Russian.
WORKFLOW_SUBMIT_LABELS = {
    "Moderators approval": _("Submit for moderators' approval"),
}
TASK_RESUBMIT_LABELS = {
    "Moderators approval": _("Resubmit for moderators' approval"),
}


class TranslatedSubmitMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            label = TASK_RESUBMIT_LABELS.get(workflow_names.key_of(state.current_task_state.task.name))
        else:
            workflow = (page if page and page.pk else context["parent_page"]).get_workflow()
            label = WORKFLOW_SUBMIT_LABELS.get(workflow_names.key_of(workflow.name)) if workflow else None
        if label:
            context["label"] = str(label)
        return context


@hooks.register("construct_page_action_menu")
def rada_page_actions(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = TranslatedSubmitMenuItem(order=item.order)
    if _is_outcome(request, context):
        # An outcome is published, not sent round: Publish is the button, not a menu entry.
        publish = [item for item in menu_items if item.name == "action-publish"]
        for item in publish:
            menu_items.remove(item)
        menu_items[:0] = publish


def _is_outcome(request, context):
    if context.get("view") == "edit":
        return isinstance(context.get("page"), OutcomePage)
    kwargs = getattr(request.resolver_match, "kwargs", {}) or {}
    return (kwargs.get("content_type_app_name"), kwargs.get("content_type_model_name")) == (
        "consultations",
        "outcomepage",
    )

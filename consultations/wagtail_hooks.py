from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_exports, admin_views, notifications, permissions
from .models import Proposal


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

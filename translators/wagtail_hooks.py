"""Officials approve or reject translators in the admin (*Translators*) and
find interpreters for city units and events (*Interpreters*)."""

from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_panels import Row, WaitingPanel

from . import interpreting_admin, permissions
from .models import Translator


class TranslatorIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user").prefetch_related("pairs")


class TranslatorDecisionView(EditView):
    """Records who decided and when, whenever the status changes."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        if "status" in self.form.changed_data:
            instance.decided_by = self.request.user
            instance.decided_at = timezone.now()
        instance.save()
        self.form.save_m2m()
        for formset in self.form.formsets.values():
            formset.instance = instance
            formset.save()
        return instance


class TranslatorViewSet(ModelViewSet):
    model = Translator
    icon = "globe"
    menu_label = _("Translators")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["user", "kind", "is_sworn", "pairs_text", "is_listed", "status", "registered_at"]
    list_filter = ["status", "kind", "is_sworn", "pairs__source", "pairs__target"]
    search_fields = ["user__display_name", "user__username", "other_languages"]
    index_view_class = TranslatorIndexView
    edit_view_class = TranslatorDecisionView
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [
        FieldPanel("user", read_only=True),
        FieldPanel("status"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("is_sworn"), FieldPanel("other_languages"), FieldPanel("is_listed")],
            heading=_("What they told us"),
        ),
        InlinePanel("pairs", heading=_("Language pairs"), label=_("language pair")),
    ]


@hooks.register("register_admin_viewset")
def register_translator_viewset():
    return TranslatorViewSet("translators_admin", url_prefix="translators")


@hooks.register("construct_homepage_panels")
def translators_to_approve_panel(request, panels):
    if not permissions.can_manage_translators(request.user):
        return
    waiting = Translator.objects.filter(status=Translator.Status.PENDING).count()
    rows = [Row(label=gettext("Volunteers waiting for approval"), count=waiting, url=_pending_url())] if waiting else []
    panels.append(
        WaitingPanel(
            name="translators-to-approve",
            heading=gettext("Translators to approve"),
            rows=rows,
            order=40,
            empty=gettext("No translator is waiting for approval."),
        )
    )


def _pending_url():
    return f"{reverse('translators_admin:index')}?status={Translator.Status.PENDING}"


class InterpretingMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_request_interpreters(request.user)


@hooks.register("register_admin_urls")
def interpreting_urls():
    return [
        path("interpreting/", interpreting_admin.calendar, name="interpreting_admin_calendar"),
        path("interpreting/new/", interpreting_admin.create, name="interpreting_admin_create"),
        path("interpreting/report/", interpreting_admin.report, name="interpreting_admin_report"),
        path("interpreting/<int:pk>/", interpreting_admin.detail, name="interpreting_admin_detail"),
        path("interpreting/<int:pk>/assign/", interpreting_admin.assign, name="interpreting_admin_assign"),
        path("interpreting/<int:pk>/cancel/", interpreting_admin.cancel, name="interpreting_admin_cancel"),
        path("interpreting/<int:pk>/done/", interpreting_admin.done, name="interpreting_admin_done"),
    ]


@hooks.register("register_admin_menu_item")
def interpreting_menu_item():
    return InterpretingMenuItem(
        _("Interpreters"), reverse_lazy("interpreting_admin_calendar"), icon_name="globe", order=271
    )

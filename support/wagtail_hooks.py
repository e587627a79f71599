"""The information centre in the Wagtail admin.

Officials keep the directory and the frequently asked questions (translatable
snippets, translated with wagtail-localize's "Translate" action) and answer
residents' questions (own views: a queue by language and age).  Case workers
alone see *Reports*: the viewset's permission policy asks for
``support.view_report``, which only their group has; reports cannot be added,
copied, deleted, searched or exported there.
"""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import admin_views, permissions
from .forms import ReportAdminForm
from .models import FrequentQuestion, Report, Service


@hooks.register("register_admin_urls")
def question_urls():
    return [
        path("help/questions/", admin_views.queue, name="support_admin_queue"),
        path("help/questions/<int:pk>/", admin_views.answer, name="support_admin_answer"),
    ]


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "site"
    menu_label = _("Services")
    list_display = ["name", "kind", "area", "languages", "is_help_point", "locale"]
    list_filter = ["kind", "area", "is_help_point", "locale"]
    search_fields = ["name", "helps_with"]


class FrequentQuestionViewSet(SnippetViewSet):
    model = FrequentQuestion
    icon = "help"
    menu_label = _("Frequently asked questions")
    list_display = ["question", "area", "locale", "published_at"]
    list_filter = ["area", "locale"]
    search_fields = ["question", "answer"]


class QuestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_answer_questions(request.user)


class SupportViewSetGroup(ViewSetGroup):
    menu_label = _("Information centre")
    menu_icon = "help"
    menu_order = 280
    items = (ServiceViewSet(), FrequentQuestionViewSet())

    def get_submenu_items(self):
        return [
            QuestionsMenuItem(
                _("Residents' questions"), reverse_lazy("support_admin_queue"), icon_name="mail", order=0
            ),
            *super().get_submenu_items(),
        ]


class ReportIndexView(IndexView):
    """The case workers' list, which never becomes a download: ``?export=csv`` shows the list."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.is_export = False


class ReportViewSet(SnippetViewSet):
    model = Report
    icon = "warning"
    menu_label = _("Discrimination reports")  # Wagtail's own menu is called "Reports"
    menu_order = 285
    add_to_admin_menu = True
    list_display = ["code", "status", "kind", "area", "still_happening", "contact", "created_at"]
    list_filter = ["status", "kind", "area", "still_happening"]
    search_fields = None  # what people wrote is never searched, not even here
    copy_view_enabled = False
    inspect_view_enabled = False
    list_export = []
    index_view_class = ReportIndexView
    edit_handler = ObjectList(Report.panels, base_form_class=ReportAdminForm)


@hooks.register("register_admin_viewset")
def register_support():
    return SupportViewSetGroup()


@hooks.register("register_admin_viewset")
def register_reports():
    return ReportViewSet()

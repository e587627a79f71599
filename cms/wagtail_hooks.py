"""The Model's tasks in the Wagtail admin: officials keep each task's areas,
lead, partners, status, dates, links and dated progress notes, and the city
units and partner organisations that carry them out."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ModelTask, Organisation


class ModelTaskViewSet(SnippetViewSet):
    model = ModelTask
    icon = "list-ul"
    menu_label = _("Tasks")
    list_display = ["title", "status", "lead", "starts_on", "planned_end", "ended_on"]
    list_filter = ["status", "areas", "lead"]
    search_fields = ["title_pl", "title_en", "title_uk", "title_ru", "slug"]
    copy_view_enabled = False


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("City units and partners")
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name_pl", "name_en", "name_uk", "name_ru", "slug"]


class ModelViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Integration Model")
    menu_icon = "list-ul"
    menu_order = 270
    items = (ModelTaskViewSet, OrganisationViewSet)


register_snippet(ModelViewSetGroup)

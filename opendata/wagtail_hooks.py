"""Evaluation in the Wagtail admin: officials set the indicators, with their
targets, that the thematic areas' statistics pages show."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Indicator


class IndicatorViewSet(ModelViewSet):
    model = Indicator
    icon = "tasks"
    menu_label = _("Indicators")
    list_display = ["name", "area", "target", "measure", "year", "starts_on", "ends_on"]
    list_filter = ["area", "measure", "year"]
    search_fields = ["name_pl", "name_en", "name_uk", "name_ru"]
    copy_view_enabled = True


class EvaluationViewSetGroup(ViewSetGroup):
    menu_label = _("Evaluation")
    menu_icon = "tasks"
    menu_order = 280
    items = (IndicatorViewSet("evaluation_indicators"),)


@hooks.register("register_admin_viewset")
def register_evaluation():
    return EvaluationViewSetGroup()

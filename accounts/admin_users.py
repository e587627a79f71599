"""The admin's list of users without the stand-in accounts.

Anonymising and assisted input create placeholder accounts (``User.placeholder``:
"a former participant", "a resident who took part through a facilitator"):
one per person who left and one per resident a facilitator wrote for, so they
soon outnumber real people.  Nobody can log in with them and there is nothing
to manage about them, so the admin's *Users* list leaves them out unless the
"Stand-in accounts" filter asks for them."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect
from wagtail.users.views import users

from .models import Placeholder


class UserFilterSet(users.UserFilterSet):
    stand_ins = django_filters.BooleanFilter(
        label=_("Stand-in accounts"),
        method="filter_stand_ins",
        widget=BooleanRadioSelect,
        help_text=_("Accounts that stand for a former participant or a resident a facilitator wrote for."),
    )

    def filter_stand_ins(self, queryset, name, value):
        if value:
            return queryset.exclude(placeholder=Placeholder.NONE)
        return queryset.filter(placeholder=Placeholder.NONE)


class IndexView(users.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.request.GET.get("stand_ins") == "true":
            return queryset
        return queryset.filter(placeholder=Placeholder.NONE)


class UserViewSet(users.UserViewSet):
    filterset_class = UserFilterSet
    index_view_class = IndexView

from django import forms
from django.utils.translation import gettext_lazy as _

from core.areas import Area

from .models import TASK_STATUS_ORDER, TaskStatus


class TaskFilterForm(forms.Form):
    """The task list's filters; a value that is not one of the choices is refused with a message."""

    area = forms.ChoiceField(label=_("Thematic area"), required=False, choices=[("", _("All areas")), *Area.choices])
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *[(status.value, TaskStatus(status).label) for status in TASK_STATUS_ORDER]],
    )
    lead = forms.ChoiceField(label=_("Lead"), required=False)

    def __init__(self, *args, leads=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].choices = [("", _("Any lead")), *[(lead.slug, lead.name) for lead in leads]]

    def chosen(self):
        """The filters that hold a valid value; the others are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlainlanguageConfig(AppConfig):
    """The glossary of city terms and easy-read versions of consultations and outcomes."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "plainlanguage"
    verbose_name = _("Plain language")

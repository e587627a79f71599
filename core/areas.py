"""The eight thematic areas of the Gdańsk Immigrant Integration Model.

The codes are stable identifiers (also the slugs of the area pages); the labels
are translated.  Consultations, motions and indicators refer to areas by code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    EDUCATION = "education", _("Education")
    LOCAL_COMMUNITIES = "local-communities", _("Local communities")
    CULTURE = "culture", _("Culture")
    VIOLENCE_DISCRIMINATION = "violence-discrimination", _("Violence and discrimination")
    HEALTH = "health", _("Health")
    WORK = "work", _("Work")
    SOCIAL_WELFARE = "social-welfare", _("Social welfare")
    HOUSING = "housing", _("Housing")


class ThematicArea(models.Model):
    """One row per :class:`Area`, so that consultations can be tagged with
    areas and filtered by them in the database.

    Every app tags with areas, so the model lives here, below them all.  Its
    table and migrations were made in the ``cms`` app and stay there
    (``app_label``): moving a model's state between apps would rewrite the
    history of every app that refers to it, for no change in the database."""

    code = models.CharField(_("code"), max_length=32, choices=Area.choices, unique=True)

    class Meta:
        app_label = "cms"
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")
        ordering = ["id"]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return Area(self.code).label

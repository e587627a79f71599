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

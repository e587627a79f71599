from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.opinions import register_subject_source
from core.pagecache import on_write_to, register_moments


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Public consultations")

    def ready(self):
        from . import opinions, signals, threads, workflow_names  # noqa: F401 - models are loaded only now; signals connects handlers

        workflow_names.connect()
        register_subject_source(opinions.consultation_subjects)

        from .models import ConsultationPage  # models are loaded only now

        # A consultation opens and closes by the clock: its pages, the lists and the home page change then.
        register_moments(ConsultationPage.objects.all, "opens_at", "closes_at")
        # A write to what the cached threads read that no service or signal reported renews them all.
        on_write_to(threads.TABLES, threads.rows_changed)

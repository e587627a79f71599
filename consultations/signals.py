from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from . import services
from .models import OutcomePage


@receiver(page_published, sender=OutcomePage, dispatch_uid="rada-outcome-published")
def on_outcome_published(sender, instance, revision=None, **kwargs):
    user = getattr(revision, "user", None)
    services.outcome_published(outcome=instance, user=user)


@receiver(page_unpublished, sender=OutcomePage, dispatch_uid="rada-outcome-unpublished")
def on_outcome_unpublished(sender, instance, **kwargs):
    services.outcome_unpublished(outcome=instance)

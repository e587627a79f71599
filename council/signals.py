"""What the council does when a person leaves (``accounts.signals``).

Council members cannot delete their account (``accounts.services``), so what
reaches here is a guest who once asked to speak at a meeting, or a volunteer
who translated one of the council's records."""

from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from accounts import signals as account_signals
from accounts.models import Placeholder

from . import recruitment_selectors, recruitment_services, selectors, services, translation_services


@receiver(account_signals.deleting, dispatch_uid="rada-council-deleting")
def on_deleting(sender, user, to, **kwargs):
    return services.speaker_requests_hand_over(user=user, to=to)


@receiver(account_signals.deleting, dispatch_uid="rada-council-record-translations-deleting")
def on_deleting_translations(sender, user, to, remove=False, **kwargs):
    return translation_services.record_translations_hand_over(user=user, to=to, remove=remove)


@receiver(account_signals.anonymising, dispatch_uid="rada-council-record-translations-anonymising")
def on_anonymising(sender, user, to, **kwargs):
    return translation_services.record_translations_hand_over(user=user, to=to)


@receiver(account_signals.collecting, dispatch_uid="rada-council-collecting")
def on_collecting(sender, user, **kwargs):
    return selectors.personal_data(user=user)


# Applications and places on a list of substitutes: a resident's own, removed
# when they leave; an application also when they unlink what they wrote.
@receiver(account_signals.deleting, dispatch_uid="rada-council-candidacies-deleting")
def on_deleting_candidacies(sender, user, to, **kwargs):
    removed = recruitment_services.candidacies_remove(user=user)
    return {**removed, **recruitment_services.substitute_places_remove(user=user)}


@receiver(account_signals.anonymising, dispatch_uid="rada-council-candidacies-anonymising")
def on_anonymising_candidacies(sender, user, to, **kwargs):
    return recruitment_services.candidacies_remove(user=user)


@receiver(account_signals.collecting, dispatch_uid="rada-council-candidacies-collecting")
def on_collecting_candidacies(sender, user, **kwargs):
    return recruitment_selectors.personal_data(user=user)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="rada-council-user-deleted")
def on_user_deleted(sender, instance, **kwargs):
    """An account deleted some other way (by an administrator, in the admin):
    its places on speakers' lists still need a name, so they go to a stand-in too."""
    if services.speaker_requests_of(instance):
        to = sender.objects.create_placeholder(Placeholder.FORMER)
        services.speaker_requests_hand_over(user=instance, to=to)

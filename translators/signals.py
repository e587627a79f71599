"""What the translators' base does when a person leaves (``accounts.signals``),
and when a translation changes what a consultation page shows."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts import signals as account_signals
from consultations import threads
from consultations.models import Comment, Proposal

from . import selectors, services
from .models import Translation


@receiver(account_signals.anonymising, dispatch_uid="rada-translators-anonymising")
def on_anonymising(sender, user, to, **kwargs):
    return services.translations_hand_over(user=user, to=to)


@receiver(account_signals.deleting, dispatch_uid="rada-translators-deleting")
def on_deleting(sender, user, to, remove, **kwargs):
    return services.translations_hand_over(user=user, to=to, remove=remove)


@receiver(account_signals.collecting, dispatch_uid="rada-translators-collecting")
def on_collecting(sender, user, **kwargs):
    return selectors.personal_data(user=user)


@receiver(post_save, sender=Translation, dispatch_uid="rada-translators-threads-saved")
@receiver(post_delete, sender=Translation, dispatch_uid="rada-translators-threads-deleted")
def on_translation_changed(sender, instance, **kwargs):
    """A translation shows under its comment in the cached threads (``consultations.threads``)."""
    model = Comment if instance.comment_id else Proposal
    # Filtered, not followed: on a cascade the item may be going too.
    key = model.objects.filter(pk=instance.comment_id or instance.proposal_id).values_list("consultation_key").first()
    if key is not None:
        threads.changed(key[0])

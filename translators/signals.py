"""What the translators' base does when a person leaves (``accounts.signals``)."""

from django.dispatch import receiver

from accounts import signals as account_signals

from . import selectors, services


@receiver(account_signals.anonymising, dispatch_uid="rada-translators-anonymising")
def on_anonymising(sender, user, to, **kwargs):
    return services.translations_hand_over(user=user, to=to)


@receiver(account_signals.deleting, dispatch_uid="rada-translators-deleting")
def on_deleting(sender, user, to, remove, **kwargs):
    return services.translations_hand_over(user=user, to=to, remove=remove)


@receiver(account_signals.collecting, dispatch_uid="rada-translators-collecting")
def on_collecting(sender, user, **kwargs):
    return selectors.personal_data(user=user)

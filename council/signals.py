"""What the council does when a person leaves (``accounts.signals``).

Council members cannot delete their account (``accounts.services``), so what
reaches here is a guest who once asked to speak at a meeting."""

from django.dispatch import receiver

from accounts import signals as account_signals

from . import selectors, services


@receiver(account_signals.deleting, dispatch_uid="rada-council-deleting")
def on_deleting(sender, user, to, **kwargs):
    return services.speaker_requests_hand_over(user=user, to=to)


@receiver(account_signals.collecting, dispatch_uid="rada-council-collecting")
def on_collecting(sender, user, **kwargs):
    return selectors.personal_data(user=user)

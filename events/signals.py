"""What events tell accounts about a person (``accounts.signals``).

Registrations go with the account when it is deleted (``on_delete=CASCADE``):
nothing about a person is kept once they are not coming."""

from django.dispatch import receiver

from accounts import signals as account_signals

from . import selectors


@receiver(account_signals.collecting, dispatch_uid="rada-events-collecting")
def on_collecting(sender, user, **kwargs):
    return selectors.personal_data(user=user)

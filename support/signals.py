"""What the information centre tells accounts about a person (``accounts.signals``).

A person's questions go with the account when it is deleted (``on_delete=CASCADE``):
an answered one that was published lives on only as its anonymised FAQ."""

from django.dispatch import receiver

from accounts import signals as account_signals

from . import selectors


@receiver(account_signals.collecting, dispatch_uid="rada-support-collecting")
def on_collecting(sender, user, **kwargs):
    return selectors.personal_data(user=user)

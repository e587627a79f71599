"""What accounts tell the apps that keep records linked to a person.

Accounts sit below the apps and import none of them, so when a person leaves,
each app hands over what it keeps of them itself, in a receiver of these
signals, inside the transaction that anonymises or deletes the account (an
exception in a receiver rolls the whole change back):

``anonymising`` (``user``, ``to``): what the person *wrote* now stands under the
    stand-in account ``to``; the person keeps their account.
``deleting`` (``user``, ``to``, ``remove``): everything the person's account
    carries goes to ``to`` -- or, with ``remove``, what they wrote is removed
    and what they gave (supports, ratings) withdrawn -- because the account is
    deleted next.
``collecting`` (``user``): each app returns what it holds about the person, as
    a list of :class:`accounts.services.DataSection`, for the download of
    everything Rada holds about them (right of access and portability).
"""

from django.dispatch import Signal

anonymising = Signal()
deleting = Signal()
collecting = Signal()

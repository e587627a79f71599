"""Every change to accounts beyond what allauth does: invitation codes, and
(later in this file) anonymising and deleting an account.  Each function checks
its rules, raising :class:`core.errors.RuleBroken` with a translated message."""

import datetime
import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass
from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import RuleBroken
from core.language import LANGUAGE_CODES
from core.text import clean_line

from . import signals
from .adapter import AccountAdapter
from .models import DISPLAY_NAME_MAX_LENGTH, InvitationCode, Placeholder, User

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, no 1/I: read aloud or from paper
CODE_LENGTH = 12  # 12 × 5 bits = 60 random bits
MAX_CODES_AT_ONCE = 50
MAX_VALID_DAYS = 180


def clean_public_name(name, *, missing=None):
    """A name shown to others (a public name, a pseudonym, the name a resident
    chose through a facilitator): whitespace collapsed, at most
    ``DISPLAY_NAME_MAX_LENGTH`` characters.  Empty is refused with ``missing``
    when given, else allowed."""
    name = clean_line(name)
    if not name and missing:
        raise RuleBroken(missing)
    if len(name) > DISPLAY_NAME_MAX_LENGTH:
        raise RuleBroken(_("A name may be at most %(limit)d characters long.") % {"limit": DISPLAY_NAME_MAX_LENGTH})
    return name


def normalise_code(code):
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def hash_code(code):
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def _new_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def can_issue_invitations(user):
    return user.is_authenticated and user.has_perm("accounts.add_invitationcode")


def invitation_codes_issue(*, issued_by, organisation, count, days, now=None):
    """Make ``count`` codes valid for ``days``; returns the codes in clear, the
    only time they exist outside the issuer's hands."""
    now = now or timezone.now()
    if not can_issue_invitations(issued_by):
        raise RuleBroken(_("Only partner organisations and officials can issue invitation codes."))
    organisation = clean_line(organisation)
    if not organisation:
        raise RuleBroken(_("Name the organisation that vouches for the people using these codes."))
    if not 1 <= count <= MAX_CODES_AT_ONCE:
        raise RuleBroken(_("Issue between 1 and %(max)d codes at a time.") % {"max": MAX_CODES_AT_ONCE})
    if not 1 <= days <= MAX_VALID_DAYS:
        raise RuleBroken(_("A code may be valid for 1 to %(max)d days.") % {"max": MAX_VALID_DAYS})
    codes = [_new_code() for _ in range(count)]
    InvitationCode.objects.bulk_create(
        InvitationCode(
            code_hash=hash_code(code),
            hint=normalise_code(code)[-4:],
            organisation=organisation,
            issued_by=issued_by,
            created_at=now,
            expires_at=now + datetime.timedelta(days=days),
        )
        for code in codes
    )
    return codes


def can_see_all_invitations(user):
    """Officials see every organisation's codes; a partner sees the codes they issued."""
    return user.is_authenticated and user.has_perm("accounts.change_invitationcode")


def invitation_codes_visible_to(user):
    codes = InvitationCode.objects.select_related("issued_by")
    if can_see_all_invitations(user):
        return codes
    return codes.filter(issued_by=user)


def invitation_code_withdraw(*, code_id, by, now=None):
    """Withdraw an unused code (a printed sheet was lost, a person never came):
    from then on it registers nobody.  Its issuer or an official may do it.
    One conditional UPDATE, so a code being used at the same moment is either
    used or withdrawn, never both."""
    now = now or timezone.now()
    code = invitation_codes_visible_to(by).filter(pk=code_id).first() if can_issue_invitations(by) else None
    if code is None:
        raise RuleBroken(_("You can withdraw only invitation codes that you issued."))
    withdrawn = InvitationCode.objects.filter(
        pk=code.pk, used_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=now
    ).update(withdrawn_at=now)
    if not withdrawn:
        code.refresh_from_db()
        state = code.state_at(now)
        if state == InvitationCode.State.USED:
            raise RuleBroken(_("This code has already been used to register; it cannot be withdrawn."))
        if state == InvitationCode.State.WITHDRAWN:
            raise RuleBroken(_("This code was withdrawn already."))
        raise RuleBroken(_("This code has expired already; nobody can use it."))
    code.withdrawn_at = now
    return code


def _refusal(code_hash, now):
    found = InvitationCode.objects.filter(code_hash=code_hash).first()
    if found is None:
        return _("This invitation code is not valid. Check it, or ask the organisation that gave it to you.")
    if found.used_at is not None:
        return _("This invitation code has already been used. Each code works once; ask for a new one.")
    if found.withdrawn_at is not None:
        return _("This invitation code was withdrawn by the organisation that issued it. Ask them for a new one.")
    if found.expires_at <= now:
        return _("This invitation code has expired. Ask the organisation that gave it to you for a new one.")
    return _("This invitation code cannot be used now. Please try again.")


def invitation_register(*, code, display_name, password, email="", language=None, now=None):
    """Create an account with an invitation code instead of a verified e-mail.

    The code is consumed by one conditional UPDATE (unused and unexpired →
    used) inside the transaction that creates the account: of two concurrent
    uses, PostgreSQL lets the second wait for the first and then finds the row
    no longer matching, so exactly one account is made.  If creating the
    account fails, the code stays unused.
    """
    now = now or timezone.now()
    display_name = clean_public_name(display_name, missing=_("Please enter a public name."))
    email = (email or "").strip()
    if email and EmailAddress.objects.filter(email__iexact=email).exists():
        raise RuleBroken(_("An account with this e-mail address exists already; log in with it instead."))
    user_model = get_user_model()
    user = user_model(display_name=display_name, email=email, joined_with_invitation=True)
    if language in LANGUAGE_CODES:
        user.language = language
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise RuleBroken(" ".join(error.messages)) from None
    code_hash = hash_code(code)
    with transaction.atomic():
        taken = InvitationCode.objects.filter(
            code_hash=code_hash, used_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if not taken:
            raise RuleBroken(_refusal(code_hash, now))
        user.username = AccountAdapter().generate_unique_username([display_name, "resident"])
        user.set_password(password)
        user.save()
        if email:
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
        InvitationCode.objects.filter(code_hash=code_hash).update(used_by=user)
    return user


# --- anonymising and deleting ---------------------------------------------------------
#
# What someone wrote is moved to a stand-in account (``User.objects.create_placeholder``)
# instead of losing its author: shown everywhere as "a former participant".
# Comments and proposals thus keep a valid author (their foreign keys, the
# permission rules and the templates need no special case), the link to the
# person is gone, and each person who leaves keeps counting as one participant
# in the statistics.  One stand-in is made per anonymisation, never shared, so
# nothing joins two people's contributions either.  Each app moves its own
# records, in its receiver of ``accounts.signals``.


def sessions_end(*, user, keep=None):
    """Log ``user`` out everywhere (but in the session ``keep``, a session key)
    by deleting their session rows, expired ones too: a session names its user.

    Django's database sessions are not indexed by user, so each is decoded; this
    runs only when someone anonymises or deletes their account."""
    store = Session.get_session_store_class()()
    ended = []
    rows = Session.objects.exclude(session_key=keep or "").values_list("session_key", "session_data")
    for key, data in rows.iterator():
        if store.decode(data).get("_auth_user_id") == str(user.pk):
            ended.append(key)
    Session.objects.filter(session_key__in=ended).delete()
    # The session engine keeps sessions in the cache too (cached_db): a copy left there
    # would keep the person logged in.  Again after the commit, since a request
    # reading the rows before then may have put one back.
    store = import_module(settings.SESSION_ENGINE).SessionStore
    prefix = getattr(store, "cache_key_prefix", None)
    if prefix is not None and ended:

        def forget():
            caches[settings.SESSION_CACHE_ALIAS].delete_many([prefix + key for key in ended])

        forget()
        transaction.on_commit(forget)
    return len(ended)


def contributions_anonymise(*, user, keep_session=None):
    """All of ``user``'s contributions now show "a former participant", and
    ``user`` is logged out of every other session (``keep_session`` is the one
    they asked from): whoever else held one of their sessions -- a shared
    computer, a lost phone -- loses it with the link to what they wrote.
    Returns how many of each kind were handed over (``{"comments": 2, …}``)."""
    if not user.is_authenticated or user.placeholder:
        raise RuleBroken(_("Log in to do this."))
    moved = Counter()
    with transaction.atomic():
        placeholder = User.objects.create_placeholder(Placeholder.FORMER)
        for _receiver, counts in signals.anonymising.send(User, user=user, to=placeholder):
            moved.update(counts or {})
        if not any(moved.values()):
            placeholder.delete()
        sessions_end(user=user, keep=keep_session)
    return +moved  # only the kinds there were; a missing kind reads as 0


def why_cannot_delete_account(user):
    """None, or why ``user``'s account cannot be deleted, translated.

    A council membership is a public record of who sat on the council and how
    named votes went; it is never broken by deleting an account.  Members (and
    former members) are refused and asked to write to the council's secretary,
    who can end the membership and close the account by hand.  They may still
    anonymise their comments and proposals.
    """
    if not user.is_authenticated or user.placeholder:
        return _("Log in to do this.")
    if user.council_memberships.exists():
        return _(
            "Your account is linked to a seat on the Immigrants' Council, which is a public record, "
            "so it cannot be deleted here. Please write to the council's secretary. You can still "
            "anonymise what you wrote in consultations."
        )
    if user.is_staff or user.is_superuser:
        return _("Staff accounts are closed by an administrator.")
    return None


def account_delete(*, user, remove_contributions=False):
    """Delete ``user``'s account.

    By default what they wrote stays, shown as by "a former participant", and
    what they gave (supports, ratings) stays counted under the stand-in.  With
    ``remove_contributions`` what they wrote is removed (comments become
    "deleted" placeholders that keep a thread's shape) and what they gave is
    withdrawn.  Records that must be kept (reports they made, as moderation
    records) stay with the stand-in.
    """
    reason = why_cannot_delete_account(user)
    if reason:
        raise RuleBroken(reason)
    try:
        with transaction.atomic():
            placeholder = User.objects.create_placeholder(Placeholder.FORMER)
            signals.deleting.send(User, user=user, to=placeholder, remove=remove_contributions)
            sessions_end(user=user)
            user.delete()
    except (ProtectedError, RestrictedError):
        raise RuleBroken(
            _("Your account is linked to records that must be kept, so it cannot be deleted here. Please contact us.")
        ) from None


def account_settings_update(*, user, display_name, language, notify_replies):
    """Change one's public name, the language of one's e-mails and whether
    replies are e-mailed.  Refuses a stand-in account and an unknown language."""
    if user.placeholder:
        raise RuleBroken(_("This account stands in for someone and cannot be changed."))
    if language not in LANGUAGE_CODES:
        raise RuleBroken(_("Choose one of the languages Rada speaks."))
    user.display_name = clean_public_name(display_name, missing=_("Please enter a public name."))
    user.language = language
    user.notify_replies = bool(notify_replies)
    user.save(update_fields=["display_name", "language", "notify_replies"])
    return user


# --- what Rada holds about a person (right of access and portability) ----------------
#
# Each app answers ``signals.collecting`` with the sections it keeps (accounts
# import no app); the person downloads all of it as one JSON file.


@dataclass
class DataSection:
    """One kind of record held about a person: ``key`` names it in the file,
    ``title`` (translated) on the page, ``rows`` are plain JSON-able dicts."""

    key: str
    title: str
    rows: list


def _account_sections(user):
    addresses = [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("pk")
    ]
    account = {
        "username": user.username,
        "public_name": user.display_name,
        "email": user.email,
        "email_addresses": addresses,
        "language_of_emails": user.language,
        "email_me_about_replies_and_answers": user.notify_replies,
        "joined_at": user.date_joined,
        "last_login_at": user.last_login,
        "joined_with_invitation_code": user.joined_with_invitation,
        "staff_groups": sorted(user.groups.values_list("name", flat=True)),
    }
    used = InvitationCode.objects.filter(used_by=user).first()
    codes = [
        {"organisation": code.organisation, "used_at": code.used_at, "last_characters": code.hint}
        for code in ([used] if used else [])
    ]
    issued = [
        {
            "organisation": code.organisation,
            "last_characters": code.hint,
            "issued_at": code.created_at,
            "expires_at": code.expires_at,
            "used_at": code.used_at,
            "withdrawn_at": code.withdrawn_at,
        }
        for code in InvitationCode.objects.filter(issued_by=user).order_by("created_at", "pk")
    ]
    return [
        DataSection("account", _("Your account"), [account]),
        DataSection("invitation_code_used", _("The invitation code you joined with"), codes),
        DataSection("invitation_codes_issued", _("Invitation codes you issued"), issued),
    ]


def personal_data_collect(*, user):
    """Everything Rada holds about ``user``, as a list of :class:`DataSection`:
    the account's own, then each app's (``signals.collecting``)."""
    if not user.is_authenticated or user.placeholder:
        raise RuleBroken(_("Log in to do this."))
    sections = _account_sections(user)
    for _receiver, found in signals.collecting.send(User, user=user):
        sections.extend(found or ())
    return sections


def personal_data_document(*, user, now=None):
    """The download: ``{"rada": {…about the file…}, "<section key>": [rows], …}``."""
    now = now or timezone.now()
    document = {
        "rada": {
            "about": "Everything Rada holds about one person (GDPR art. 15 and 20).",
            "username": user.username,
            "made_at": now,
        }
    }
    for section in personal_data_collect(user=user):
        document[section.key] = section.rows
    return document

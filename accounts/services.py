"""Every change to accounts beyond what allauth does: invitation codes, and
(later in this file) anonymising and deleting an account.  Each function checks
its rules, raising :class:`cms.errors.RuleBroken` with a translated message."""

import datetime
import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.errors import RuleBroken

from .models import DISPLAY_NAME_MAX_LENGTH, InvitationCode

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, no 1/I: read aloud or from paper
CODE_LENGTH = 12  # 12 × 5 bits = 60 random bits
MAX_CODES_AT_ONCE = 50
MAX_VALID_DAYS = 180


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
    organisation = " ".join((organisation or "").split())
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
            organisation=organisation,
            issued_by=issued_by,
            created_at=now,
            expires_at=now + datetime.timedelta(days=days),
        )
        for code in codes
    )
    return codes


def _refusal(code_hash, now):
    found = InvitationCode.objects.filter(code_hash=code_hash).first()
    if found is None:
        return _("This invitation code is not valid. Check it, or ask the organisation that gave it to you.")
    if found.used_at is not None:
        return _("This invitation code has already been used. Each code works once; ask for a new one.")
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
    from .adapter import AccountAdapter

    now = now or timezone.now()
    display_name = " ".join((display_name or "").split())
    if not display_name:
        raise RuleBroken(_("Please enter a public name."))
    if len(display_name) > DISPLAY_NAME_MAX_LENGTH:
        raise RuleBroken(_("A name may be at most %(limit)d characters long.") % {"limit": DISPLAY_NAME_MAX_LENGTH})
    email = (email or "").strip()
    if email and EmailAddress.objects.filter(email__iexact=email).exists():
        raise RuleBroken(_("An account with this e-mail address exists already; log in with it instead."))
    user_model = get_user_model()
    user = user_model(display_name=display_name, email=email, joined_with_invitation=True)
    if language in dict(settings.LANGUAGES):
        user.language = language
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise RuleBroken(" ".join(error.messages)) from None
    code_hash = hash_code(code)
    with transaction.atomic():
        taken = InvitationCode.objects.filter(code_hash=code_hash, used_at__isnull=True, expires_at__gt=now).update(
            used_at=now
        )
        if not taken:
            raise RuleBroken(_refusal(code_hash, now))
        user.username = AccountAdapter().generate_unique_username([display_name, "resident"])
        user.set_password(password)
        user.save()
        if email:
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
        InvitationCode.objects.filter(code_hash=code_hash).update(used_by=user)
    return user

import hmac
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import permission_cache

DISPLAY_NAME_MAX_LENGTH = 60


class Placeholder(models.TextChoices):
    """What an account that stands for no one who can log in stands for."""

    NONE = "", _("a person with an account")
    FORMER = "former", _("a former participant")
    ASSISTED = "assisted", _("a resident who took part through a facilitator")


class UserManager(DjangoUserManager):
    def create_placeholder(self, kind, *, name=""):
        """A stand-in account (:class:`Placeholder`): it keeps what one person
        wrote without saying who they are.  Nobody can log in with it (no
        e-mail, no usable password, inactive), nothing is sent to it, and one is
        made per person, never shared, so that nothing joins two people's words
        and each counts once among the participants."""
        if kind not in (Placeholder.FORMER, Placeholder.ASSISTED):
            raise ValueError(f"Not a kind of stand-in account: {kind!r}")
        prefix = "former" if kind == Placeholder.FORMER else "resident"
        placeholder = self.model(
            username=f"{prefix}-{secrets.token_hex(8)}",
            display_name=name,
            placeholder=kind,
            is_active=False,
            notify_replies=False,
        )
        placeholder.set_unusable_password()
        placeholder.save()
        return placeholder


class User(AbstractUser):
    """A person with an account.

    Only an e-mail address and a display name are asked for.  The display name
    is what others see next to what a person writes; it may be a pseudonym.
    Nothing here records nationality, residence status or identity numbers.
    """

    display_name = models.CharField(
        _("public name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        help_text=_("Shown next to what you write. It may be a pseudonym."),
    )

    language = models.CharField(
        _("language of e-mails"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    notify_replies = models.BooleanField(_("e-mail me when someone replies to me or answers my proposal"), default=True)
    placeholder = models.CharField(
        _("stands for"),
        max_length=10,
        choices=Placeholder.choices,
        default=Placeholder.NONE,
        blank=True,
        editable=False,
        help_text=_("Accounts that nobody logs in with: they keep what someone wrote without saying who."),
    )
    joined_with_invitation = models.BooleanField(
        _("joined with an invitation code"),
        default=False,
        editable=False,
        help_text=_("A partner organisation vouched for this person, who may have no e-mail address."),
    )

    # A random key made when the person first anonymises what they wrote, and
    # deleted with the account.  See :meth:`handover_mark`.
    handover_key = models.CharField(max_length=64, blank=True, editable=False)

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.public_name

    @cached_property
    def _perm_cache(self):
        """What ``ModelBackend.get_all_permissions`` keeps on the user object,
        filled from the cache instead of two queries per request (it asks
        for it only for an active person, and sets it only when missing)."""
        return permission_cache.all_permissions(self)

    @property
    def public_name(self):
        """The name shown to others.  A placeholder never shows its username,
        which is random and means nothing."""
        if self.placeholder == Placeholder.FORMER:
            return gettext("a former participant")
        if self.placeholder == Placeholder.ASSISTED:
            return self.display_name or gettext("a resident")
        return self.display_name or self.username

    def handover_mark(self, item):
        """An opaque mark put on a comment or proposal (``item``) that this person
        handed over to a stand-in when anonymising, so that the rules "not on your
        own proposal" and "not your own comment" still hold for them afterwards.

        Why a mark and not a reference to the person: a reference would be the
        very link that anonymising removes.  The mark is an HMAC of the item's
        identity under the person's own random ``handover_key`` and the site's
        ``SECRET_KEY``: a copy of the database alone cannot link a mark to
        anyone, and once the account is deleted (its key with it) nobody can,
        not even with the secret key.  While the account exists the site can
        check "is this person the one who wrote it?" for a given person and item,
        which is exactly what the rule needs and nothing more."""
        if not self.handover_key or item is None or item.pk is None:
            return ""
        value = f"{item._meta.label_lower}:{item.pk}"
        return salted_hmac(
            "rada.handover", value, secret=settings.SECRET_KEY + self.handover_key, algorithm="sha256"
        ).hexdigest()

    def wrote(self, item):
        """Whether this person wrote ``item`` (a comment or a proposal), also
        after handing it over to a stand-in (:meth:`handover_mark`)."""
        if not self.is_authenticated or item is None:
            return False
        if item.author_id == self.pk:
            return True
        mark = getattr(item, "handover_mark", "")
        return bool(mark) and hmac.compare_digest(mark, self.handover_mark(item))

    def start_handover(self):
        """Give the person a ``handover_key`` (once) before their contributions are handed over."""
        if not self.handover_key:
            self.handover_key = secrets.token_hex(32)
            type(self).objects.filter(pk=self.pk).update(handover_key=self.handover_key)


class InvitationCode(models.Model):
    """A single-use, expiring code that lets a person without an e-mail address
    register, issued by a partner organisation (or an official on its behalf).

    Only a SHA-256 hash of the code is stored: the code itself is shown once,
    to whoever issued it.  Codes are 60 random bits, so an unsalted hash is
    enough, and the hash is unique, so it is also the index a code is found by.
    """

    class State(models.TextChoices):
        UNUSED = "unused", _("not used yet")
        USED = "used", _("used")
        EXPIRED = "expired", _("expired")
        WITHDRAWN = "withdrawn", _("withdrawn")

    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(
        _("last characters"),
        max_length=4,
        blank=True,
        editable=False,
        help_text=_("The code's last four characters, to tell printed codes apart; the rest is never stored."),
    )
    organisation = models.CharField(
        _("partner organisation"), max_length=120, help_text=_("Who vouches for the people using these codes.")
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("issued at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    used_by = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("used by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitation",
    )

    class Meta:
        verbose_name = _("invitation code")
        verbose_name_plural = _("invitation codes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(used_at__isnull=True) | models.Q(withdrawn_at__isnull=True),
                name="invitation_code_used_or_withdrawn_not_both",
            )
        ]

    def __str__(self):
        return f"{self.organisation} — {self.created_at:%Y-%m-%d}"

    def state_at(self, now):
        if self.used_at is not None:
            return self.State.USED
        if self.withdrawn_at is not None:
            return self.State.WITHDRAWN
        if self.expires_at <= now:
            return self.State.EXPIRED
        return self.State.UNUSED

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

DISPLAY_NAME_MAX_LENGTH = 60


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

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.public_name

    @property
    def public_name(self):
        return self.display_name or self.username

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    # With a second config in this module, Django would otherwise use a plain AppConfig.
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import permission_cache  # through core.pagecache, it needs the database wrapper, ready only now
        from .groups import ensure_staff_groups  # its models are loaded only now

        post_migrate.connect(ensure_staff_groups, sender=self, dispatch_uid="rada-staff-groups")
        permission_cache.watch()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with Rada's list of users (``accounts/admin_users.py``)."""

    user_viewset = "accounts.admin_users.UserViewSet"

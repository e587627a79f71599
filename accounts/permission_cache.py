"""A signed-in person's permissions, read from the cache.

Django's ``ModelBackend`` reads them with two queries (the person's own and
their groups') at the first ``has_perm`` of every request, and keeps them on
the user object as ``_perm_cache``.  Every page asks (the account menu shows
the administration link to those who may use it), so :class:`accounts.models.User`
fills ``_perm_cache`` from here: the set is kept in the cache per person under
a version that any write to the tables it comes from renews
(:func:`changed`, through :func:`watch`)."""

from django.core.cache import cache

from core import cache as fragments
from core.pagecache import on_write_to

SCOPE = "permissions"
# Django's permission tables and the person's links to them (accounts.User's groups and permissions).
TABLES = (
    "auth_permission",
    "auth_group",
    "auth_group_permissions",
    "accounts_user_groups",
    "accounts_user_user_permissions",
)


def all_permissions(user):
    """The ``"app_label.codename"`` strings ``user`` holds, as ``ModelBackend`` computes them."""
    (version,) = fragments.versions(SCOPE)
    # A superuser holds every permission: in the key, so that becoming one shows at once.
    key = f"rada:permissions:{user.pk}:{int(user.is_superuser)}:{version}"
    found = cache.get(key)
    if found is None:
        from django.contrib.auth.backends import ModelBackend  # cycle: it loads the user model at import

        backend = ModelBackend()
        found = frozenset(backend.get_user_permissions(user) | backend.get_group_permissions(user))
        cache.set(key, found, fragments.FRAGMENT_TIMEOUT)
    return set(found)


def changed():
    """A group, a permission or someone's membership changed: everyone's set is read again."""
    fragments.bump(SCOPE)


def watch():
    """Whatever writes to :data:`TABLES`, whichever code sends it, renews everyone's set."""
    on_write_to(TABLES, changed)

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def public_site(django_db_setup, django_db_blocker):
    """:func:`tests.opendata.factories.open_data`: a site with something in
    every listing, feed, calendar and sitemap section, for the modules that
    read the whole public record (``pytest.mark.usefixtures("public_site")``).

    Building it takes seconds (some seventy pages), so it is built once per
    module, in a transaction rolled back after the module's last test; each
    test runs in a savepoint inside it and rolls back its own changes, as
    every test does."""
    from .factories import open_data

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            data = open_data()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield data
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)

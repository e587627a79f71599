"""The demo's own tests.  The rest of the suite stands on factories; here the
whole demo is loaded, once for this package, as ``seed_demo`` loads it into a
fresh database, inside a transaction that is rolled back when the package is
done.  Each test runs in a savepoint inside it (pytest-django's ``db``), so
what a test changes is undone before the next one.
"""

import pytest
from django.db import transaction


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once; its value is what the seed reported making."""
    from wagtail.models import Page, Site

    from demo.seed import Seeder

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        # The suite's site skeleton (tests/cms/factories.py) out of the way: the
        # demo builds its own home page and site, as on a fresh install.
        Page.objects.filter(depth__gt=1).delete()
        Site.objects.all().delete()
        created = Seeder().run()
    try:
        yield created
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)

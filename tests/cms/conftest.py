import pytest
from django.db import transaction

from tests.cms import factories


@pytest.fixture(scope="module")
def whole_site(django_db_setup, django_db_blocker):
    """A page of every type in four languages (``factories.whole_site``), built
    once for the tests of a module -- it takes seconds -- and rolled back after
    the last of them.  Each test runs in a transaction of its own inside this
    one, so what a test changes is rolled back after it as usual."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield factories.whole_site()
        transaction.set_rollback(True)

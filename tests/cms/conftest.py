from tests.cms import factories
from tests.database import built_once_per_module

# A page of every type in four languages (``factories.whole_site``); it takes seconds.
whole_site = built_once_per_module(factories.whole_site)

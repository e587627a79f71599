from tests.database import built_once_per_module

from .factories import open_data

# A site with something in every listing, feed, calendar and sitemap section
# (``factories.open_data``), for the modules that read the whole public record
# (``pytest.mark.usefixtures("public_site")``); some seventy pages, seconds to build.
public_site = built_once_per_module(open_data)

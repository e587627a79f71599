"""The small-count rule, for the apps below open data.

The rule and its bar chart are defined once, in :mod:`opendata.stats`
(:func:`~opendata.stats.suppress_column`) and :mod:`opendata.charts`
(:func:`~opendata.charts.bar_chart`).  Open data reads the apps, so the apps
cannot import it; when it starts (``OpendataConfig.ready``) it hands both here,
and an app that publishes counts of what people did (a consultation's survey)
calls them through this module: one rule, one drawing, wherever counts appear.
"""

from django.core.exceptions import ImproperlyConfigured

_installed = {}


def install(*, suppress_column, bar_chart):
    _installed.update(suppress_column=suppress_column, bar_chart=bar_chart)


def _get(name):
    try:
        return _installed[name]
    except KeyError:
        raise ImproperlyConfigured(
            "The small-count rule is installed by the opendata app; add it to INSTALLED_APPS."
        ) from None


def suppress_column(counts):
    """A column of counts as the public may see it: small ones as "fewer than 5",
    and one more withheld where the total would give a small one away."""
    return _get("suppress_column")(list(counts))


def bar_chart(**kwargs):
    """An accessible bar chart of ``rows`` of ``(label, public count)``."""
    return _get("bar_chart")(**kwargs)


def code(value):
    """A public count as it reads in JSON and spreadsheets: the number, "<5" or "withheld"."""
    return getattr(value, "code", value)

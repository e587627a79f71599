from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and ``seed_demo``, which builds it through the apps' services."""

    name = "demo"
    verbose_name = "Rada demo"

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.data import DemoDataError
from demo.seed import Seeder, demo_accounts


class Command(BaseCommand):
    help = "Create the demo pages (pl, en, uk, ru) and demo accounts. Safe to run again; never in production."

    def handle(self, *args, **options):
        if settings.RADA_ENVIRONMENT == "production":
            raise CommandError("seed_demo creates accounts with a public password; it never runs in production.")
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)  # one line per page edit would bury the summary
        try:
            created = Seeder().run()
        except DemoDataError as error:
            raise CommandError(f"The demo data is incomplete: {error}") from error
        finally:
            wagtail_log.setLevel(level)
        if created:
            self.stdout.write(f"Created {len(created)} items:")
            for line in created:
                self.stdout.write(f"  {line}")
        else:
            self.stdout.write("Demo content already present; nothing changed.")
        accounts = demo_accounts()
        names = ", ".join(account["username"] for account in accounts["account"])
        self.stdout.write(f"Demo accounts (demo only, password {accounts['password']}): {names}")

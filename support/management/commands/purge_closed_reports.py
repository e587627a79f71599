from django.core.management.base import BaseCommand

from support import services
from support.tasks import purge_closed_reports


class Command(BaseCommand):
    help = (
        "Delete the personal data of reports closed more than RADA_REPORT_RETENTION_MONTHS ago. "
        "Run daily from cron; --enqueue hands the work to a task worker instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Queue the task for `manage.py db_worker`.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            purge_closed_reports.enqueue()
            self.stdout.write("Queued.")
            return
        count = services.reports_purge()
        self.stdout.write(f"Personal data deleted from {count} closed reports.")

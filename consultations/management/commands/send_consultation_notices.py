from django.core.management.base import BaseCommand

from consultations.services import consultation_notices_send


class Command(BaseCommand):
    help = "Queue e-mails about consultations that opened or closed. Run every few minutes from cron."

    def handle(self, *args, **options):
        queued = consultation_notices_send()
        self.stdout.write(f"{queued} e-mails queued.")

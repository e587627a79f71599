"""The daily deletion of personal data in closed reports, as a task a worker runs
(``manage.py purge_closed_reports --enqueue`` from cron) or at once."""

from django_tasks import task

from . import services


@task()
def purge_closed_reports():
    return services.reports_purge()

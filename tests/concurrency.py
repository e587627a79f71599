"""Running the same action from many threads at once, each with its own
database connection, released at one instant by a barrier."""

import threading

from django.db import connections
from django.utils import translation


def run_in_threads(count, target):
    """Calls ``target(index)`` in ``count`` threads; returns the exceptions raised.
    Each thread speaks the caller's language (Django's active language is per thread)."""
    barrier = threading.Barrier(count)
    errors = []
    language = translation.get_language()

    def worker(index):
        translation.activate(language)
        try:
            barrier.wait(timeout=10)
            target(index)
        except Exception as error:  # noqa: BLE001 - collected and asserted by the caller
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors

"""``make test``: the suite in two parallel phases, the rest and then the browser tests.

The browser tests serve copies of one migrated and seeded site
(``tests/browser/site_template.py``), which takes a minute of CPU to build.
Built when the browser phase starts, it would keep one worker busy and the
other waiting; here it is built in the background, at a lower priority, while
the first phase runs, and discarded when both are done.  Both phases run even
when the first fails, so one run shows every failure; the exit status is the
first phase's unless that one passed.

    python -m tests.run WORKERS BROWSER_WORKERS [pytest arguments for both phases]

The browser phase takes a worker more than there are cores, so that the
cores stay busy while a test waits for a page, a served site or a reconnecting
socket.  Measured on two cores, they are then busy all the time, about 60 % of
it in Chromium (a new page costs 0.3-0.6 s of CPU, an axe-core run 0.6 s).
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")


def main(workers, browser_workers, *arguments):
    os.environ.setdefault("RADA_SITE_TEMPLATE", f"rada_site_{uuid.uuid4().hex[:10]}")
    build = [sys.executable, "-c", "from tests.browser.site_template import build; build()"]
    # Without Chromium the browser tests skip, and need no site.
    builder = subprocess.Popen(["nice", "-n", "5", *build] if CHROMIUM.exists() else ["true"], cwd=ROOT)  # noqa: S603
    pytest = [sys.executable, "-m", "pytest"]
    try:
        first = subprocess.call(  # noqa: S603
            [*pytest, "-n", workers, "--dist", "loadgroup", "--ignore=tests/browser", *arguments], cwd=ROOT
        )
        builder.wait()
        second = subprocess.call(  # noqa: S603
            [*pytest, "-n", browser_workers, "--dist", "loadfile", "tests/browser", *arguments], cwd=ROOT
        )
    finally:
        builder.kill()
        from tests.browser.site_template import discard

        discard()
    return first or second


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

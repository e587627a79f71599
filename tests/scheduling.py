"""Which worker runs which test, when the suite runs in parallel (pytest-xdist).

Tests sharing a world built once per module or package (``tests.database.
built_once_per_module``, the demo's package) are kept on one worker: spread over
two, the world would be built on each, and those worlds take seconds.  Every
other test goes to whichever worker is free, as with ``--dist load``.

pytest-xdist's own ``--dist loadgroup`` would do this from ``xdist_group``
marks, but it writes the group into ``item._nodeid``, which pytest 9 no longer
reads.  So the workers write the groups they find into a file when they have
collected, and the controller's scheduler (made by ``pytest_xdist_make_scheduler``
for ``--dist loadgroup``) reads it: the controller schedules only once every
worker has collected.
"""

import json
import os
import tempfile
from pathlib import Path


def _groups_file():
    return Path(tempfile.gettempdir()) / f"rada-test-groups-{os.environ['RADA_TEST_RUN']}.json"


def shared_world(item):
    """The module or package whose world ``item`` uses, if it uses one and is not
    marked ``spread_over_workers`` (a long module, whose world is cheap beside it)."""
    if item.get_closest_marker("spread_over_workers"):
        return None
    info = getattr(item, "_fixtureinfo", None)
    for definitions in info.name2fixturedefs.values() if info else ():
        for definition in definitions:
            if not definition.baseid.startswith("tests"):
                continue  # a plugin's fixture
            if definition.scope == "package":
                return definition.baseid
            if definition.scope == "module":
                return item.nodeid.split("::")[0]
    return None


def record_groups(items):
    """In a worker: the groups of the collected tests, for the controller."""
    groups = {item.nodeid: group for item in items if (group := shared_world(item))}
    path = _groups_file()
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    partial.write_text(json.dumps(groups))
    partial.replace(path)  # both workers collect the same tests: either file will do


def forget_groups():
    _groups_file().unlink(missing_ok=True)


def make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class SharedWorldScheduling(LoadScopeScheduling):
        """``--dist load``, but a group's tests are one unit of work."""

        groups = None

        def _split_scope(self, nodeid):
            if self.groups is None:
                path = _groups_file()
                self.groups = json.loads(path.read_text()) if path.exists() else {}
            return self.groups.get(nodeid, nodeid)

    return SharedWorldScheduling(config, log)

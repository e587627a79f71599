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
        """``--dist load``, but a group's tests are one unit of work.

        Units hold the tests' indexes in the collection, not their node ids as
        pytest-xdist's own units do: schemathesis gives every operation it tests
        the same node id, and units of ids ran one of them.  Units go out in the
        order of the collection, which pytest-django has sorted so that no test
        runs after a transactional one has emptied the tables."""

        groups = None

        def _scope(self, index):
            if self.groups is None:
                path = _groups_file()
                self.groups = json.loads(path.read_text()) if path.exists() else {}
            nodeid = self.collection[index]
            return self.groups.get(nodeid) or f"{index}:{nodeid}"

        def schedule(self):
            assert self.collection_is_completed
            if self.collection is not None:
                for node in self.nodes:
                    self._reschedule(node)
                return
            if not self._check_nodes_have_same_collection():
                self.log("**Different tests collected, aborting run**")
                return
            self.collection = list(next(iter(self.registered_collections.values())))
            if not self.collection:
                return
            for index in range(len(self.collection)):
                self.workqueue.setdefault(self._scope(index), {})[index] = False
            for _ in range(len(self.nodes) - len(self.workqueue)):
                unused_node, _assigned = self.assigned_work.popitem()
                unused_node.shutdown()
            for node in self.nodes:
                self._assign_work_unit(node)
            for node in self.nodes:
                self._reschedule(node)
            if not self.workqueue:
                for node in self.nodes:
                    node.shutdown()

        def _assign_work_unit(self, node):
            scope, unit = self.workqueue.popitem(last=False)
            self.assigned_work.setdefault(node, {})[scope] = unit
            node.send_runtest_some([index for index, done in unit.items() if not done])

        def mark_test_complete(self, node, item_index, duration=0):
            self.assigned_work[node][self._scope(item_index)][item_index] = True
            self._reschedule(node)

    return SharedWorldScheduling(config, log)

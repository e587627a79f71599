"""The parallel suite's scheduler (tests/scheduling.py): a group's tests go to one
worker, every other test to whichever worker is free, and every collected test
runs once, even when several share a node id."""

import json

import pytest

from tests import scheduling


class Worker:
    shutting_down = False

    def __init__(self, name):
        self.given = []
        self.gateway = type("Gateway", (), {"id": name})

    def send_runtest_some(self, indexes):
        self.given += indexes

    def shutdown(self):
        self.shutting_down = True


class Config:
    option = None

    def getvalue(self, name):
        return {"tx": ["2*popen"]}[name]


COLLECTION = [
    "tests/a/test_world.py::test_one",
    "tests/a/test_world.py::test_two",
    "tests/b/test_api.py::test_operation",  # schemathesis: one node id per operation tested
    "tests/b/test_api.py::test_operation",
    "tests/b/test_api.py::test_operation",
    "tests/c/test_plain.py::test_alone",
    "tests/a/test_world.py::test_three",
]


@pytest.fixture
def scheduler(monkeypatch, tmp_path):
    monkeypatch.setenv("RADA_TEST_RUN", "scheduling-test")
    monkeypatch.setattr(scheduling, "_groups_file", lambda: tmp_path / "groups.json")
    (tmp_path / "groups.json").write_text(json.dumps(dict.fromkeys(COLLECTION[:2] + COLLECTION[-1:], "tests/a")))
    scheduler = scheduling.make_scheduler(Config(), None)
    workers = [Worker("gw0"), Worker("gw1")]
    for worker in workers:
        scheduler.add_node(worker)
        scheduler.add_node_collection(worker, COLLECTION)
    scheduler.schedule()
    return scheduler, workers


def _run_everything(scheduler, workers):
    done = []
    while any(worker.given for worker in workers):
        for worker in workers:
            if worker.given:
                index = worker.given.pop(0)
                done.append((worker, index))
                scheduler.mark_test_complete(worker, index)
    return done


def test_every_test_runs_once_even_when_node_ids_repeat(scheduler):
    scheduler, workers = scheduler
    done = _run_everything(scheduler, workers)
    assert sorted(index for _worker, index in done) == list(range(len(COLLECTION)))
    assert scheduler.tests_finished


def test_the_tests_of_a_group_run_on_one_worker_and_the_others_wherever_one_is_free(scheduler):
    scheduler, workers = scheduler
    done = _run_everything(scheduler, workers)
    grouped = {worker for worker, index in done if index in (0, 1, 6)}
    assert len(grouped) == 1
    assert {worker for worker, index in done if index in (2, 3, 4, 5)} == set(workers)

"""The hub that fans a group's messages out to the sockets of one process."""

import asyncio

from asgiref.sync import async_to_sync

from core.live.fanout import CLOSE_LAYER_LOST, Hub


class Layer:
    """A channel layer reduced to what the hub uses, with a switch to fail."""

    def __init__(self):
        self.groups = {}
        self.queues = {}
        self.broken = False

    async def group_add(self, group, channel):
        self.groups.setdefault(group, set()).add(channel)

    async def group_discard(self, group, channel):
        self.groups.get(group, set()).discard(channel)

    async def group_send(self, group, message):
        for channel in self.groups.get(group, ()):
            self.queues.setdefault(channel, asyncio.Queue()).put_nowait(message)

    async def receive(self, channel):
        message = await self.queues.setdefault(channel, asyncio.Queue()).get()
        if self.broken:
            raise ConnectionError("Redis is gone")
        return message


class Socket:
    def __init__(self, fail=False):
        self.received = []
        self.closed = None
        self.fail = fail

    def deliver(self, message, frames=None):
        if self.fail:
            raise RuntimeError("this socket is broken")
        self.received.append(message)

    async def close(self, code=None):
        self.closed = code


def run(body):
    async_to_sync(body)()


async def settle():
    for _ in range(5):
        await asyncio.sleep(0)


def test_every_socket_of_a_group_receives_each_message_in_order_through_one_channel():
    layer, hub = Layer(), None
    sockets = [Socket(), Socket()]

    async def body():
        nonlocal hub
        hub = Hub(layer)
        for socket in sockets:
            await hub.join("meeting.1", socket)
        assert len(layer.groups["meeting.1"]) == 1
        for n in (1, 2, 3):
            await layer.group_send("meeting.1", {"type": "meeting.state", "seq": n})
        await settle()
        assert [[m["seq"] for m in socket.received] for socket in sockets] == [[1, 2, 3], [1, 2, 3]]

    run(body)


def test_the_last_socket_to_leave_gives_up_the_groups_channel():
    layer = Layer()
    first, second = Socket(), Socket()

    async def body():
        hub = Hub(layer)
        await hub.join("meeting.1", first)
        await hub.join("meeting.1", second)
        await hub.leave("meeting.1", first)
        assert len(layer.groups["meeting.1"]) == 1
        await hub.leave("meeting.1", second)
        assert layer.groups["meeting.1"] == set()
        assert hub.size("meeting.1") == 0

    run(body)


def test_one_broken_socket_does_not_keep_a_message_from_the_others():
    layer = Layer()
    broken, healthy = Socket(fail=True), Socket()

    async def body():
        hub = Hub(layer)
        await hub.join("meeting.1", broken)
        await hub.join("meeting.1", healthy)
        await layer.group_send("meeting.1", {"type": "meeting.state", "seq": 1})
        await settle()
        assert healthy.received == [{"type": "meeting.state", "seq": 1}]

    run(body)


def test_when_the_channel_layer_fails_the_groups_sockets_are_closed_so_their_clients_reconnect():
    layer = Layer()
    sockets = [Socket(), Socket()]

    async def body():
        hub = Hub(layer)
        for socket in sockets:
            await hub.join("meeting.1", socket)
        layer.broken = True
        await layer.group_send("meeting.1", {"type": "meeting.state", "seq": 1})
        await settle()
        assert [socket.closed for socket in sockets] == [CLOSE_LAYER_LOST, CLOSE_LAYER_LOST]
        assert hub.size("meeting.1") == 0
        layer.broken = False
        newcomer = Socket()
        await hub.join("meeting.1", newcomer)  # a reconnecting client joins afresh
        await layer.group_send("meeting.1", {"type": "meeting.state", "seq": 2})
        await settle()
        assert newcomer.received == [{"type": "meeting.state", "seq": 2}]

    run(body)


def read_only_consumer(slow_snapshot=False, stalled=False):
    """A read-only socket whose snapshot may take a while to build, or whose
    connection may stall (its sends never finish)."""
    from core.live.consumers import ReadOnlyConsumer

    class Consumer(ReadOnlyConsumer):
        def __init__(self):
            self.sent = []
            self.closed = None
            self.building = asyncio.Event()
            self.built = asyncio.Event()
            if not slow_snapshot:
                self.built.set()

        async def send_snapshot(self):
            self.building.set()
            await self.built.wait()
            self.sent.append("snapshot 1")

        async def meeting_state(self, event):
            if stalled:
                await asyncio.Event().wait()  # the network never takes it
            self.sent.append(f"state {event['seq']}")

        async def close(self, code=None):
            self.closed = code

    return Consumer()


async def joined(hub, consumer):
    await join_hub(consumer, hub)
    await consumer.snapshot()
    return consumer


async def join_hub(consumer, hub):
    consumer.holding, consumer.held, consumer.group = True, [], "meeting.1"
    consumer.outbox = asyncio.Queue(64)
    await hub.join("meeting.1", consumer)


def test_messages_that_arrive_while_a_snapshot_is_built_follow_it_in_order():
    async def body():
        hub = Hub(Layer())
        consumer = read_only_consumer(slow_snapshot=True)
        await join_hub(consumer, hub)
        snapshot = asyncio.get_running_loop().create_task(consumer.snapshot())
        await consumer.building.wait()
        consumer.deliver({"type": "meeting.state", "seq": 2})
        consumer.deliver({"type": "meeting.state", "seq": 3})
        assert consumer.sent == []
        consumer.built.set()
        await snapshot
        consumer.deliver({"type": "meeting.state", "seq": 4})
        await settle()
        assert consumer.sent == ["snapshot 1", "state 2", "state 3", "state 4"]
        consumer.writer.cancel()

    run(body)


def test_a_stalled_reader_holds_up_nobody_and_is_closed_when_it_falls_too_far_behind():
    from core.live.consumers import CLOSE_TOO_SLOW, OUTBOX

    async def body():
        layer = Layer()
        hub = Hub(layer)
        stalled = await joined(hub, read_only_consumer(stalled=True))
        healthy = await joined(hub, read_only_consumer())
        for seq in range(2, OUTBOX + 4):
            await layer.group_send("meeting.1", {"type": "meeting.state", "seq": seq})
            await settle()
        assert healthy.sent[-1] == f"state {OUTBOX + 3}"
        assert len(healthy.sent) == OUTBOX + 3
        assert stalled.closed == CLOSE_TOO_SLOW
        assert healthy.closed is None
        for consumer in (stalled, healthy):
            consumer.writer.cancel()

    run(body)

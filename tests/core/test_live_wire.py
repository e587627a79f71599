"""A live message is serialised and framed once per language per process and
written straight to each connection; a viewer's socket keeps little."""

import asyncio
import json
import socket as sockets

import pytest
import uvicorn
from asgiref.sync import async_to_sync
from channels.consumer import get_handler_name
from websockets.asyncio.client import connect
from websockets.frames import Frame, Opcode
from websockets.streams import StreamReader

from core.live import consumers, wire
from core.live.consumers import BACKLOG, ReadOnlyConsumer
from core.live.fanout import Hub
from tests.core.live_fakes import Layer


def parsed(frame):
    """The frame as the ``websockets`` library reads it from a server."""
    reader = StreamReader()
    reader.feed_data(frame)
    parser = Frame.parse(reader.read_exact, mask=False)
    try:
        next(parser)
    except StopIteration as done:
        return done.value
    raise AssertionError("the frame is incomplete")


@pytest.mark.parametrize("size", [0, 125, 126, 65535, 65536])
def test_a_frame_is_a_whole_unmasked_text_frame_of_any_length(size):
    text = "ż" * (size // 2) + "x" * (size % 2)
    frame = parsed(wire.text_frame(text))
    assert (frame.opcode, frame.fin, frame.rsv1) == (Opcode.TEXT, True, False)
    assert frame.data.decode() == text


class FakeLink:
    def __init__(self, backlog=0):
        self.written = []
        self.aborted = False
        self._backlog = backlog

    def write(self, frame):
        self.written.append(frame)
        return True

    def backlog(self):
        return self._backlog

    def abort(self):
        self.aborted = True


class Viewer(ReadOnlyConsumer):
    """A socket of a meeting's kind: the text depends on the reader's language."""

    renders = 0

    def __init__(self, language, link=None):
        self.variant = language
        self.link = link
        self.handled = []
        self.sent = []  # what went through ASGI

    def render(self, message):
        type(self).renders += 1
        if message["type"] == "meeting.state":
            return message["frames"][self.variant]
        return None

    async def meeting_news(self, event):  # a type without ``render``: the general way
        self.handled.append(event["n"])

    async def send(self, text_data=None, bytes_data=None, close=False):
        self.sent.append(text_data)


async def settle():
    for _ in range(10):
        await asyncio.sleep(0)


def fan_out(viewers, *messages):
    layer = Layer()

    async def body():
        hub = Hub(layer)
        for viewer in viewers:
            await hub.join("meeting.1", viewer)
        for message in messages:
            await layer.group_send("meeting.1", message)
        await settle()

    async_to_sync(body)()


def state(seq):
    return {"type": "meeting.state", "frames": {"pl": f"pl {seq}", "uk": f"uk {seq}"}}


def test_a_message_to_many_sockets_of_one_language_is_rendered_and_framed_once(monkeypatch):
    framed = []
    monkeypatch.setattr(wire, "text_frame", lambda text: framed.append(text) or text.encode())
    Viewer.renders = 0
    viewers = [Viewer("pl", FakeLink()) for _ in range(50)]
    fan_out(viewers, state(1))
    assert framed == ["pl 1"]
    assert Viewer.renders == 1
    assert all(viewer.link.written == [b"pl 1"] for viewer in viewers)


def test_each_language_is_framed_once_and_each_reader_gets_their_own():
    framed = []
    real = wire.text_frame

    def counting(text):
        framed.append(text)
        return real(text)

    viewers = [Viewer(language, FakeLink()) for language in ("pl", "uk") * 20]
    original, wire.text_frame = wire.text_frame, counting
    try:
        fan_out(viewers, state(1), state(2))
    finally:
        wire.text_frame = original
    assert sorted(framed) == ["pl 1", "pl 2", "uk 1", "uk 2"]
    for viewer in viewers:
        texts = [parsed(frame).data.decode() for frame in viewer.link.written]
        assert texts == [f"{viewer.variant} 1", f"{viewer.variant} 2"]


def test_a_socket_written_to_directly_keeps_no_outbox_writer_task_or_channel():
    viewers = [Viewer("pl", FakeLink()) for _ in range(3)]
    fan_out(viewers, state(1), state(2))
    for viewer in viewers:
        assert (viewer.outbox, viewer.writer, viewer.pending) == (None, None, 0)
        assert "channel_name" not in vars(viewer)


def test_a_message_type_without_render_goes_through_its_handler_and_order_is_kept():
    viewer = Viewer("pl", FakeLink())
    fan_out([viewer], {"type": "meeting.news", "n": 1}, state(2), {"type": "meeting.news", "n": 3})
    assert viewer.handled == [1, 3]
    assert viewer.sent == ["pl 2"]  # behind the first, through the outbox
    assert viewer.pending == 0
    viewer.writer.cancel()


def test_a_render_with_a_frame_waits_behind_a_handler_still_sending():
    """While the outbox holds a message, the direct way would overtake it."""

    class Slow(Viewer):
        async def meeting_news(self, event):
            await asyncio.sleep(0.01)
            self.handled.append(("news", len(self.sent)))

    viewer = Slow("pl", FakeLink())

    async def body():
        hub = Hub(Layer())
        layer = hub.layer
        await hub.join("meeting.1", viewer)
        await layer.group_send("meeting.1", {"type": "meeting.news", "n": 1})
        await layer.group_send("meeting.1", state(2))
        await asyncio.sleep(0.05)
        viewer.writer.cancel()

    async_to_sync(body)()
    assert viewer.handled == [("news", 0)]
    assert viewer.sent == ["pl 2"]  # after the news, through the outbox
    assert viewer.link.written == []


def test_a_reader_whose_connection_backs_up_is_cut_off_and_the_others_still_get_each_message():
    stalled, healthy = Viewer("pl", FakeLink(backlog=BACKLOG + 1)), Viewer("pl", FakeLink())

    async def body():
        layer = Layer()
        hub = Hub(layer)
        await hub.join("meeting.1", stalled)
        await hub.join("meeting.1", healthy)
        for seq in (1, 2, 3):
            await layer.group_send("meeting.1", state(seq))
        await settle()

    async_to_sync(body)()
    assert stalled.link.aborted
    assert len(stalled.link.written) == 1  # nothing more once it is being closed
    assert len(healthy.link.written) == 3


def test_an_unknown_server_gets_no_link_and_its_sockets_go_through_asgi():
    async def send(message):
        pass

    assert wire.link(send) is None


# --- through a real uvicorn server ----------------------------------------------------


def free_port():
    with sockets.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served(ReadOnlyConsumer):
    instances = []

    async def dispatch(self, message):
        """Without channels' closing of stale database connections: this test has no database."""
        await getattr(self, get_handler_name(message))(message)

    async def connect(self):
        type(self).instances.append(self)
        self.variant = self.language = consumers.language_of(self.scope)
        await self.join("meeting.9")
        await self.accept()
        await self.snapshot()

    async def send_snapshot(self):
        await self.send(text_data=json.dumps({"type": "snapshot", "seq": 0}))

    def render(self, message):
        return message["frames"][self.language]


@pytest.mark.parametrize(("ws", "kind"), [("websockets-sansio", wire.SansIOLink), ("websockets", wire.LegacyLink)])
def test_under_uvicorn_frames_are_written_to_the_connection_and_arrive_whole_and_in_order(ws, kind, settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    Served.instances = []
    port = free_port()
    config = uvicorn.Config(Served.as_asgi(), host="127.0.0.1", port=port, ws=ws, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    received = {}

    async def body():
        from channels.layers import get_channel_layer

        serving = asyncio.get_running_loop().create_task(server.serve())
        while not server.started:
            await asyncio.sleep(0.01)
        clients = {language: await connect(f"ws://127.0.0.1:{port}/?lang={language}") for language in ("pl", "uk")}
        for language, client in clients.items():
            received[language] = [json.loads(await client.recv())["type"]]
        for seq in range(1, 4):
            await get_channel_layer().group_send(
                "meeting.9", {"type": "meeting.state", "frames": {"pl": f"pl {seq} ż", "uk": f"uk {seq} ї"}}
            )
        for language, client in clients.items():
            for _ in range(3):
                received[language].append(await asyncio.wait_for(client.recv(), 5))
            await client.close()
        server.should_exit = True
        await serving

    async_to_sync(body)()
    assert [type(instance.link) for instance in Served.instances] == [kind, kind]
    assert received == {
        "pl": ["snapshot", "pl 1 ż", "pl 2 ż", "pl 3 ż"],
        "uk": ["snapshot", "uk 1 ї", "uk 2 ї", "uk 3 ї"],
    }

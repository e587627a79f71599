"""The live layer every app shares: what is sent after commit and coalesced
(:mod:`.coalescer`), the per-process fan-out of a group's messages to its
sockets (:mod:`.fanout`), and the read-only websocket consumer (:mod:`.consumers`).
Apps describe *what* a message says; this package decides *when* and *to whom*."""

from .coalescer import group_send, muted, on_commit

__all__ = ["group_send", "muted", "on_commit"]

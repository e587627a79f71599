"""Stand-ins shared by the tests of the live layer."""

import asyncio


class Layer:
    """A channel layer in memory: a group and the channels added to it share one queue."""

    def __init__(self):
        self.queues = {}

    async def group_add(self, group, channel):
        self.queues.setdefault(group, asyncio.Queue())
        self.queues[channel] = self.queues[group]

    async def group_discard(self, group, channel):
        pass

    async def group_send(self, group, message):
        self.queues[group].put_nowait(message)

    async def receive(self, channel):
        return await self.queues[channel].get()

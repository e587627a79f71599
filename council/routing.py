from django.urls import path

from . import consumers

websocket_urlpatterns = [path("ws/meetings/<int:meeting_id>/", consumers.MeetingConsumer.as_asgi())]

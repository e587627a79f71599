"""Feeds and calendars under ``/<lang>/feeds/``: the language of the prefix is
the language of titles, descriptions and links."""

from django.urls import path

from . import calendar, feeds

app_name = "feeds"
urlpatterns = [
    path("consultations.atom", feeds.ConsultationsAtomFeed(), name="consultations_atom"),
    path("consultations.rss", feeds.ConsultationsFeed(), name="consultations_rss"),
    path("consultations/<slug:area>.atom", feeds.ConsultationsAtomFeed(), name="area_atom"),
    path("consultations/<slug:area>.rss", feeds.ConsultationsFeed(), name="area_rss"),
    path("outcomes.atom", feeds.OutcomesAtomFeed(), name="outcomes_atom"),
    path("outcomes.rss", feeds.OutcomesFeed(), name="outcomes_rss"),
    path("resolutions.atom", feeds.ResolutionsAtomFeed(), name="resolutions_atom"),
    path("resolutions.rss", feeds.ResolutionsFeed(), name="resolutions_rss"),
    path("meetings.ics", calendar.meetings_calendar, name="meetings_ics"),
    path("consultations.ics", calendar.consultations_calendar, name="consultations_ics"),
    path("events.ics", calendar.events_calendar, name="events_ics"),
    path("calendar.ics", calendar.full_calendar, name="calendar_ics"),
]

"""The demo council (council.toml, <language>/council.toml): its page and
statute, a term with the demo accounts as members, their motions, past
meetings with named and secret votes, resolutions and minutes, and a meeting
scheduled for today that ``chair`` can start.

What members and the chair do goes through ``council.services``, the functions
the site uses, back-dated with ``now``, so the record obeys the same rules as a
real one.  Terms, seats, meetings and their agendas have no service: officials
enter them in the admin, and the seed makes them as the admin does.  If the
demo meeting is still scheduled when the demo is loaded again on a later day,
it is moved to that day.
"""

import datetime

from django.db.models import Max
from django.utils import timezone

from cms.models import ContentPage
from consultations.models import ConsultationPage
from council import follow_up_services, services, translation_services
from council.follow_up import CityResponseUpdate
from council.models import AgendaItem, CouncilPage, Meeting, Membership, Motion, Resolution, Role, Term

from . import data

TODAY = "today"  # the date of the meeting that waits for the day the demo is loaded


def seed_council(seeder, locales, home):
    council = data.load("council")
    texts = {code: data.load("council", code) for code in locales}
    original = texts[seeder.source]
    page_record = council["page"]
    page = seeder.child(
        home, CouncilPage, page_record["slug"], show_in_menus=page_record.get("in_menus", False), **original["page"]
    )
    statute = seeder.child(page, ContentPage, page_record["statute_slug"], **_statute_fields(original["statute"]))
    seeder.synchronise(locales)
    for code, locale in locales.items():
        if code == seeder.source:
            continue
        if "page" in texts[code]:
            seeder.translate(page, locale, **texts[code]["page"])
        if "statute" in texts[code]:
            seeder.translate(statute, locale, **_statute_fields(texts[code]["statute"]))
    if not Term.objects.filter(number=council["term"]["number"]).exists():
        _Record(seeder, council, texts).make()
    _city_answers(seeder, council, texts)
    _meeting_today(seeder, council)


def _statute_fields(texts):
    return {"title": texts["title"], "intro": texts["intro"], "body": [{"type": "paragraph", "value": texts["body"]}]}


def _at(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, time))


def _day(meeting):
    day = meeting["date"]
    if day == TODAY:
        return timezone.localdate()
    if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
        raise meeting.invalid("date", f'is neither a date (2026-03-19) nor "{TODAY}"')
    return day


class _Record:
    def __init__(self, seeder, council, texts):
        self.seeder = seeder
        self.council = council
        self.texts = texts
        self.schedule = council["meetings"]
        self.motions = {}

    def make(self):
        self.check_agenda_translations()
        self.make_term()
        for motion in self.council["motion"]:
            self.motion(motion)
        for meeting in self.council["meeting"]:
            held = self.meeting(meeting)
            if meeting["date"] != TODAY:
                self.hold(held, meeting)
        self.seeder.log(
            f"council: term {self.term.number}, {Membership.objects.count()} members, "
            f"{Meeting.objects.count()} meetings, {Motion.objects.count()} motions"
        )

    def make_term(self):
        record = self.council["term"]
        self.term = Term.objects.create(
            number=record["number"], starts_on=record["starts_on"], ends_on=record["ends_on"]
        )
        self.seats = {}
        for member in self.council["member"]:
            username = member["user"]
            bios = {
                f"bio_{code}": texts["bios"][username]
                for code, texts in self.texts.items()
                if username in texts.get("bios", {})
            }
            self.seats[username] = Membership.objects.create(
                term=self.term,
                user=self.seeder.person(member, "user"),
                role=member["role"],
                starts_on=self.term.starts_on,
                languages=member["languages"],
                community=member.get("community", ""),
                **bios,
            )
        self.chair = self._holder(Role.CHAIR)
        self.secretary = self._holder(Role.SECRETARY)

    def _holder(self, role):
        seat = next((seat for seat in self.seats.values() if seat.role == role), None)
        if seat is None:
            raise self.council.invalid("member", f'has nobody in the role "{role}", who runs the meetings')
        return seat.user

    def motion(self, record):
        """Drafted and co-sponsored, then submitted if the record says when."""
        submitter = self.seeder.person(record, "submitter")
        motion = services.motion_draft(
            term=self.term,
            submitter=submitter,
            title=record["title"],
            text=record["text"],
            rationale=record.get("rationale", ""),
            area=record["area"],
            language=record["language"],
            consultation_key=self._consultation(record),
            now=timezone.make_aware(record["drafted"]),
        )
        for sponsor in self.seeder.people(record, "sponsors"):
            services.motion_sponsor_toggle(motion=motion, user=sponsor)
        self.translate(motion, submitter, "motions", record["key"], now=timezone.make_aware(record["drafted"]))
        if "submitted" in record:
            motion = services.motion_submit(motion=motion, user=submitter, now=timezone.make_aware(record["submitted"]))
        self.motions[record["key"]] = motion

    def translate(self, record, user, table, key, *, now):
        """``record`` in each language whose <language>/council.toml has it under
        ``[table]`` by ``key`` (a motion's title and text, or a meeting's minutes)."""
        for code, texts in self.texts.items():
            found = texts.get(table, {}).get(key)
            if found is None or code == record.language:
                continue
            title, text = (found["title"], found["text"]) if table == "motions" else ("", found)
            translation_services.record_translation_save(
                record=record, user=user, language=code, title=title, text=text, now=now
            )

    def _consultation(self, record):
        """The consultation a motion gives the council's opinion on (its slug), as its key."""
        if "consultation" not in record:
            return None
        page = ConsultationPage.objects.filter(slug=record["consultation"]).first()
        if page is None:
            raise record.invalid("consultation", f'names "{record["consultation"]}", which is no consultation')
        return str(page.translation_key)

    def _motion(self, key, record, field):
        if key not in self.motions:
            raise record.invalid(field, f'names "{key}", which is not the key of a motion in council.toml')
        return self.motions[key]

    def meeting(self, record):
        """The meeting with its agenda, and the motions the chair put on it."""
        day = _day(record)
        meeting = Meeting.objects.create(
            term=self.term,
            number=record["number"],
            starts_at=_at(day, self.schedule["starts_at"]),
            place=self.schedule["place"],
            guest_seats=self.schedule["guest_seats"],
        )
        for position, title in enumerate(record["agenda"]):
            self.agenda_item(meeting, position, title)
        scheduled = _at(
            day - datetime.timedelta(days=self.schedule["scheduled_days_before"]), self.schedule["starts_at"]
        )
        for key in record.get("motions", ()):
            motion = self._motion(key, record, "motions")
            services.motion_schedule(motion=motion, meeting=meeting, user=self.chair, now=scheduled)
        last = meeting.agenda_items.aggregate(n=Max("sort_order"))["n"]
        for position, title in enumerate(record.get("agenda_after_motions", ()), start=last + 1):
            self.agenda_item(meeting, position, title)
        return meeting

    def check_agenda_translations(self):
        """A translated title must name an agenda item's original, or it would be
        silently left out."""
        titles = {
            title
            for meeting in self.council["meeting"]
            for title in (*meeting["agenda"], *meeting.get("agenda_after_motions", ()))
        }
        for text in self.texts.values():
            agenda = text.get("agenda", {})
            for title in agenda:
                if title not in titles:
                    raise agenda.invalid(title, "is not the title of an agenda item in council.toml")

    def agenda_item(self, meeting, position, title):
        """A plain agenda item, with its title in each language <language>/council.toml
        gives under [agenda] for this (Polish) original."""
        translations = {
            f"title_{code}": text["agenda"][title]
            for code, text in self.texts.items()
            if code != meeting.language and title in text.get("agenda", {})
        }
        return AgendaItem.objects.create(meeting=meeting, sort_order=position, title=title, **translations)

    def hold(self, meeting, record):
        """Runs a meeting from start to published minutes: attendance, then each
        poll opened and closed in turn with the members' votes."""
        now = meeting.starts_at
        absent = set(record.get("absent", ()))
        meeting = services.meeting_start(meeting=meeting, user=self.chair, now=now)
        for username, seat in self.seats.items():
            if username not in absent:
                services.attendance_set(meeting=meeting, membership=seat, present=True, user=self.secretary, now=now)
        for index, poll_record in enumerate(record.get("poll", ())):
            moment = now + datetime.timedelta(minutes=self.schedule["poll_every_minutes"] * (index + 1))
            item = self._item(meeting, poll_record)
            services.agenda_item_select(meeting=meeting, item=item, user=self.chair)
            poll = services.poll_create(
                item=item,
                user=self.chair,
                question=poll_record["question"],
                kind=poll_record["kind"],
                method=poll_record["method"],
                majority=poll_record["majority"],
                options=poll_record.get("options", ()),
                on_motion="motion" in poll_record,
                base=poll_record.get("base", "cast"),
                quorum_rule=poll_record.get("quorum_rule", "half"),
                seats=poll_record.get("seats", 1),
                votes_per_ballot=poll_record.get("votes_per_ballot", 1),
                now=moment,
            )
            closed = self.vote(poll, poll_record, moment)
            if "next_round" in poll_record:
                later = closed.closed_at + datetime.timedelta(minutes=1)
                poll = services.poll_next_round(poll=closed, user=self.chair, now=later)
                self.vote(poll, poll_record["next_round"], later)
        end = now + datetime.timedelta(hours=self.schedule["lasts_hours"])
        meeting = services.meeting_close(meeting=meeting, user=self.chair, now=end)
        minutes = meeting.minutes
        text = f"{minutes.text}\n{record['minutes_note']}"
        services.minutes_update(minutes=minutes, user=self.secretary, text=text, now=end)
        published = end + datetime.timedelta(days=self.schedule["minutes_published_after_days"])
        services.minutes_publish(minutes=minutes, user=self.secretary, now=published)
        self.translate(minutes, self.secretary, "minutes", str(record["number"]), now=published)

    def vote(self, poll, record, moment):
        """Opens ``poll``, casts the record's votes (a list of options for a
        ballot with several), enters its paper counts, and closes it."""
        services.poll_open(poll=poll, user=self.chair, now=moment)
        choices = {option.label: option.pk for option in poll.options.all()}
        choices.update({option.kind: option.pk for option in poll.options.all()})
        votes = record["votes"]
        for username, choice in votes.items():
            picked = [choice] if isinstance(choice, str) else list(choice)
            for one in picked:
                if one not in choices:
                    raise votes.invalid(username, f'is "{one}", not one of {", ".join(sorted(map(str, choices)))}')
            services.ballot_cast(
                poll=poll,
                user=self.seeder.account(username, votes, username),
                option_ids=[choices[one] for one in picked],
            )
        if "paper" in record:
            paper = record["paper"]
            counts = {choices[key]: n for key, n in paper.items() if key in choices}
            for key in paper:
                if key not in choices and key not in ("invalid", "ballots"):
                    raise paper.invalid(key, "is neither an option nor invalid or ballots")
            services.paper_count_enter(
                poll=poll,
                user=self.secretary,
                counts=counts,
                invalid=paper.get("invalid", 0),
                ballots=paper.get("ballots"),
                now=moment,
            )
        closed = moment + datetime.timedelta(minutes=self.schedule["poll_open_minutes"])
        return services.poll_close(poll=poll, user=self.chair, now=closed)

    def _item(self, meeting, poll):
        """A poll on a motion is on the motion's agenda item; another names its item."""
        if "motion" in poll:
            item = meeting.agenda_items.filter(motion=self._motion(poll["motion"], poll, "motion")).first()
            if item is None:
                raise poll.invalid("motion", f"is not on the agenda of meeting {meeting.number}")
            return item
        item = meeting.agenda_items.filter(title=poll["agenda_item"]).first()
        if item is None:
            raise poll.invalid("agenda_item", f"is not on the agenda of meeting {meeting.number}")
        return item


def _city_answers(seeder, council, texts):
    """The city's follow-up of the term's resolutions, recorded by the demo
    official through the service (the same rules as in the admin), once."""
    term = Term.objects.get(number=council["term"]["number"])
    if CityResponseUpdate.objects.filter(resolution__term=term).exists():
        return
    official = seeder.account("official", council, "city_answer")
    titles = {motion["key"]: motion["title"] for motion in council["motion"]}
    for record in council.get("city_answer", ()):
        resolution = Resolution.objects.filter(term=term, motion__title=titles.get(record["motion"])).first()
        if resolution is None:
            raise record.invalid("motion", f'names "{record["motion"]}", a motion without a resolution')
        step_texts = {code: text.get("city_answers", {}).get(record["key"]) for code, text in texts.items()}
        follow_up_services.city_update_add(
            resolution=resolution,
            date=record["date"],
            status=record["status"],
            unit=record["unit"],
            texts={code: text for code, text in step_texts.items() if text},
            user=official,
            today=timezone.localdate(),
        )
    steps = CityResponseUpdate.objects.filter(resolution__term=term).count()
    seeder.log(f"council: {steps} steps of the city's answers to resolutions")


def _meeting_today(seeder, council):
    today_meeting = next((m for m in council["meeting"] if m["date"] == TODAY), None)
    if today_meeting is None:
        return
    number = today_meeting["number"]
    meeting = Meeting.objects.filter(
        term__number=council["term"]["number"], number=number, status=Meeting.Status.SCHEDULED
    ).first()
    today = timezone.localdate()
    if meeting is not None and meeting.day != today:
        meeting.starts_at = _at(today, council["meetings"]["starts_at"])
        meeting.save(update_fields=["starts_at"])
        seeder.log(f"council: meeting {number} moved to {today}")

"""The demo council: its page and statute, a term with the demo accounts as
members, two past meetings with named and secret votes and resolutions,
pending motions, and a meeting scheduled for today that ``chair`` can start.

The record is made through ``council.services``, the same functions the
site uses, so it obeys the same rules as a real one.  If the demo meeting is
still scheduled when the demo is loaded again on a later day, it is moved to
that day."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.models import ContentPage
from council import services
from council.models import AgendaItem, CouncilPage, Meeting, Membership, Motion, Poll, Term

from .council_content import COUNCIL_PAGE, MEMBERS, MOTIONS, STATUTE

TERM_NUMBER = 3
TERM_START = datetime.date(2025, 6, 1)
TERM_END = datetime.date(2027, 5, 31)
PLACE = "Urząd Miejski w Gdańsku, ul. Nowe Ogrody 8/12, sala 105"
GUEST_SEATS = 20  # room 105 seats the council and twenty guests
TODAY_MEETING_NUMBER = 3


def _at(day, hour=17, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def seed_council(seeder, locales, home):
    page = seeder.child(home, CouncilPage, "council", show_in_menus=True, **COUNCIL_PAGE["pl"])
    statute_fields = _statute_fields("pl")
    statute = seeder.child(page, ContentPage, "statute", **statute_fields)
    seeder.synchronise(locales)
    for code, locale in locales.items():
        if code != "pl":
            seeder.translate(page, locale, **COUNCIL_PAGE[code])
            if code in STATUTE:
                seeder.translate(statute, locale, **_statute_fields(code))
    if not Term.objects.filter(number=TERM_NUMBER).exists():
        _record(seeder)
    _meeting_today(seeder)


def _statute_fields(code):
    data = STATUTE[code]
    return {"title": data["title"], "intro": data["intro"], "body": [{"type": "paragraph", "value": data["body"]}]}


class _Record:
    def __init__(self):
        self.users = {user.username: user for user in get_user_model().objects.filter(username__in=MEMBERS)}
        self.term = Term.objects.create(number=TERM_NUMBER, starts_on=TERM_START, ends_on=TERM_END)
        self.seats = {}
        for username, (role, languages, community, bios) in MEMBERS.items():
            self.seats[username] = Membership.objects.create(
                term=self.term,
                user=self.users[username],
                role=role,
                starts_on=TERM_START,
                languages=languages,
                community=community,
                **{f"bio_{code}": text for code, text in bios.items()},
            )
        self.motions = {}

    @property
    def chair(self):
        return self.users["chair"]

    def motion(self, key, *, drafted, submit=True):
        _key, author, language, area, title, text, rationale, sponsors = next(m for m in MOTIONS if m[0] == key)
        motion = services.motion_draft(
            term=self.term,
            submitter=self.users[author],
            title=title,
            text=text,
            rationale=rationale,
            area=area,
            language=language,
            now=_at(drafted, 10),
        )
        for sponsor in sponsors:
            services.motion_sponsor_toggle(motion=motion, user=self.users[sponsor])
        if submit:
            motion = services.motion_submit(motion=motion, user=self.users[author], now=_at(drafted, 12))
        self.motions[key] = motion
        return motion

    def meeting(self, number, day, items, motions=()):
        meeting = Meeting.objects.create(
            term=self.term, number=number, starts_at=_at(day), place=PLACE, guest_seats=GUEST_SEATS
        )
        for position, title in enumerate(items):
            AgendaItem.objects.create(meeting=meeting, sort_order=position, title=title)
        for key in motions:
            services.motion_schedule(
                motion=self.motions[key], meeting=meeting, user=self.chair, now=_at(day - datetime.timedelta(days=7))
            )
        return meeting

    def hold(self, meeting, *, absent, polls, minutes_note):
        """Runs a meeting from start to published minutes.  ``polls``:
        ``(item position, question, kind, method, majority, options, motion key, {username: choice})``."""
        now = meeting.starts_at
        meeting = services.meeting_start(meeting=meeting, user=self.chair, now=now)
        secretary = self.users["secretary"]
        for username, seat in self.seats.items():
            if username not in absent:
                services.attendance_set(meeting=meeting, membership=seat, present=True, user=secretary, now=now)
        items = list(meeting.agenda_items.order_by("sort_order"))
        for index, (position, question, kind, method, majority, options, motion_key, votes) in enumerate(polls):
            moment = now + datetime.timedelta(minutes=20 * (index + 1))
            item = items[position]
            services.agenda_item_select(meeting=meeting, item=item, user=self.chair)
            poll = services.poll_create(
                item=item,
                user=self.chair,
                question=question,
                kind=kind,
                method=method,
                majority=majority,
                options=options,
                on_motion=motion_key is not None,
                now=moment,
            )
            services.poll_open(poll=poll, user=self.chair, now=moment)
            choices = {option.label: option.pk for option in poll.options.all()}
            choices.update({option.kind: option.pk for option in poll.options.all()})
            for username, choice in votes.items():
                services.ballot_cast(poll=poll, user=self.users[username], option_id=choices[choice])
            services.poll_close(poll=poll, user=self.chair, now=moment + datetime.timedelta(minutes=5))
        end = now + datetime.timedelta(hours=2)
        meeting = services.meeting_close(meeting=meeting, user=self.chair, now=end)
        minutes = meeting.minutes
        services.minutes_update(minutes=minutes, user=secretary, text=f"{minutes.text}\n{minutes_note}", now=end)
        services.minutes_publish(minutes=minutes, user=secretary, now=end + datetime.timedelta(days=3))


def _votes(yes=(), no=(), abstain=()):
    votes = dict.fromkeys(yes, "yes")
    votes.update(dict.fromkeys(no, "no"))
    votes.update(dict.fromkeys(abstain, "abstain"))
    return votes


def _record(seeder):
    record = _Record()
    named, secret = Poll.Kind.NAMED, Poll.Kind.SECRET
    yes_no, choice = Poll.Method.YES_NO, Poll.Method.CHOICE
    simple, absolute = Poll.Majority.SIMPLE, Poll.Majority.ABSOLUTE

    # Meeting 1, June 2025: a vice-chair is elected; interpreters in clinics.
    record.motion("interpreters", drafted=datetime.date(2025, 6, 3))
    first = record.meeting(
        1,
        datetime.date(2025, 6, 12),
        ["Otwarcie posiedzenia i przyjęcie porządku obrad", "Wybór wiceprzewodniczącego Rady"],
        motions=["interpreters"],
    )
    record.hold(
        first,
        absent={"member8", "member9"},
        polls=[
            (
                1,
                "Kto zostanie wiceprzewodniczącym Rady?",
                secret,
                choice,
                absolute,
                ["Aliaksandr B.", "Dmytro S."],
                None,
                {
                    **dict.fromkeys(
                        ["chair", "secretary", "member2", "member4", "member6", "member7"], "Aliaksandr B."
                    ),
                    **dict.fromkeys(["member1", "member3"], "Dmytro S."),
                    "member5": "abstain",
                },
            ),
            (
                2,
                "Czy Rada przyjmuje wniosek w sprawie tłumaczy w przychodniach miejskich?",
                named,
                yes_no,
                simple,
                [],
                "interpreters",
                _votes(
                    yes=["chair", "secretary", "member1", "member2", "member3", "member6", "member7"],
                    no=["member5"],
                    abstain=["member4"],
                ),
            ),
        ],
        minutes_note="Przewodnicząca podziękowała za udział w pierwszym posiedzeniu kadencji.",
    )

    # Meeting 2, March 2026: two motions adopted, one rejected.
    record.motion("school-liaisons", drafted=datetime.date(2026, 2, 16))
    record.motion("night-bus", drafted=datetime.date(2026, 2, 20))
    record.motion("housing-advice", drafted=datetime.date(2026, 2, 25))
    second = record.meeting(
        2,
        datetime.date(2026, 3, 19),
        ["Otwarcie posiedzenia i przyjęcie porządku obrad"],
        motions=["school-liaisons", "night-bus", "housing-advice"],
    )
    everyone = list(MEMBERS)
    record.hold(
        second,
        absent={"member9"},
        polls=[
            (
                1,
                "Czy Rada przyjmuje wniosek o łączników wielojęzycznych w szkołach?",
                named,
                yes_no,
                simple,
                [],
                "school-liaisons",
                _votes(yes=[u for u in everyone if u not in ("member9", "member8")], abstain=["member8"]),
            ),
            (
                2,
                "Czy Rada przyjmuje wniosek o nocny autobus do Oliwy?",
                named,
                yes_no,
                simple,
                [],
                "night-bus",
                _votes(
                    yes=["member8", "member6", "member5"],
                    no=["chair", "secretary", "member1", "member2", "member3", "member7"],
                    abstain=["member4"],
                ),
            ),
            (
                3,
                "Czy Rada przyjmuje wniosek o punkt porad mieszkaniowych?",
                secret,
                yes_no,
                absolute,
                [],
                "housing-advice",
                _votes(
                    yes=["chair", "secretary", "member1", "member2", "member4", "member5", "member7"],
                    no=["member3"],
                    abstain=["member6", "member8"],
                ),
            ),
        ],
        minutes_note="Dyskusja dotyczyła głównie kosztów łączników w szkołach i harmonogramu ich zatrudnienia.",
    )

    # Today's meeting and the motions still waiting.
    record.motion("festival-fund", drafted=datetime.date(2026, 10, 20))
    record.motion("ukrainian-forms", drafted=datetime.date(2026, 11, 2))
    record.meeting(
        TODAY_MEETING_NUMBER,
        timezone.localdate(),
        ["Otwarcie posiedzenia i przyjęcie porządku obrad"],
        motions=["festival-fund", "ukrainian-forms"],
    )
    AgendaItem.objects.create(
        meeting=Meeting.objects.get(term=record.term, number=TODAY_MEETING_NUMBER), sort_order=10, title="Sprawy różne"
    )
    record.motion("job-fair", drafted=datetime.date(2026, 11, 18))
    record.motion("discrimination-reports", drafted=datetime.date(2026, 11, 23), submit=False)
    seeder.log(
        f"council: term {TERM_NUMBER}, {Membership.objects.count()} members, {Meeting.objects.count()} meetings, "
        f"{Motion.objects.count()} motions"
    )


def _meeting_today(seeder):
    meeting = Meeting.objects.filter(
        term__number=TERM_NUMBER, number=TODAY_MEETING_NUMBER, status=Meeting.Status.SCHEDULED
    ).first()
    today = timezone.localdate()
    if meeting is not None and meeting.day != today:
        meeting.starts_at = _at(today)
        meeting.save(update_fields=["starts_at"])
        seeder.log(f"council: meeting {TODAY_MEETING_NUMBER} moved to {today}")

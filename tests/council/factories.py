"""A small council: a term covering today, a chair, a secretary and five
members (seven entitled to vote), meetings, motions and polls, all made
through ``council.services``; the council's page; and a council with a record
to read (:func:`council_record`): meetings held, named and secret votes,
resolutions, motions waiting and a meeting scheduled for today."""

import datetime
import itertools
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cms import services as cms_services
from core.errors import RuleBroken
from council import recruitment_services, services
from council.models import AgendaItem, CouncilPage, Meeting, Membership, Poll, Role, Term
from council.recruitment import CandidateCall
from tests.accounts.factories import UserFactory
from tests.cms.factories import site, translate

_term_numbers = itertools.count(100)


def build_council(members=5, *, number=None, days=30):
    """The term (number ``number``, or the next free test number), begun
    ``days`` ago, and its people, who hold their seats from its first day."""
    today = timezone.localdate()
    term = Term.objects.create(
        number=number or next(_term_numbers),
        starts_on=today - datetime.timedelta(days=days),
        ends_on=today + datetime.timedelta(days=700),
    )
    people = {"chair": UserFactory(display_name="Chair"), "secretary": UserFactory(display_name="Secretary")}
    people.update({f"m{n}": UserFactory(display_name=f"Member {n}") for n in range(1, members + 1)})
    roles = {"chair": Role.CHAIR, "secretary": Role.SECRETARY}
    seats = {
        key: Membership.objects.create(term=term, user=user, role=roles.get(key, Role.MEMBER), starts_on=term.starts_on)
        for key, user in people.items()
    }
    return SimpleNamespace(term=term, people=people, seats=seats, chair=people["chair"], secretary=people["secretary"])


def build_meeting(council, *, start=True, motion=None, number=None):
    meeting = Meeting.objects.create(
        term=council.term,
        number=number or Meeting.objects.filter(term=council.term).count() + 1,
        starts_at=timezone.now(),
        place="Sala 105",
    )
    AgendaItem.objects.create(meeting=meeting, sort_order=0, title="Otwarcie")
    if motion is not None:
        services.motion_schedule(motion=motion, meeting=meeting, user=council.chair)
    if start:
        meeting = services.meeting_start(meeting=meeting, user=council.chair)
    return meeting


def mark_present(council, meeting, *keys):
    for key in keys or council.people:
        services.attendance_set(meeting=meeting, membership=council.seats[key], present=True, user=council.secretary)


def submitted_motion(council, key="m1", title="Tłumacze w przychodniach"):
    motion = services.motion_draft(
        term=council.term, submitter=council.people[key], title=title, text="Rada wnosi o tłumaczy.", language="pl"
    )
    return services.motion_submit(motion=motion, user=council.people[key])


def open_poll(
    council,
    meeting,
    *,
    kind=Poll.Kind.NAMED,
    method=Poll.Method.YES_NO,
    majority=Poll.Majority.SIMPLE,
    options=(),
    on_motion=False,
    item=None,
    **rules,
):
    """``rules``: the poll's base, quorum rule, seats, votes per ballot…"""
    item = item or meeting.agenda_items.order_by("sort_order").last()
    poll = services.poll_create(
        item=item,
        user=council.chair,
        question="Czy Rada przyjmuje wniosek?",
        kind=kind,
        method=method,
        majority=majority,
        options=options,
        on_motion=on_motion,
        **rules,
    )
    return services.poll_open(poll=poll, user=council.chair)


def draft_poll(council, meeting, **fields):
    """A prepared (not yet open) yes/no poll on the meeting's first item."""
    values = {"question": "Q?", "kind": "named", "method": "yes_no", "majority": "simple"} | fields
    return services.poll_create(item=meeting.agenda_items.first(), user=council.chair, **values)


def refusal(action):
    """The translated reason ``action`` was refused with."""
    with pytest.raises(RuleBroken) as error:
        action()
    return error.value.message


def option(poll, kind_or_text):
    return next(o for o in poll.options.all() if kind_or_text in (o.kind, o.text))


def vote(council, poll, key, choice):
    services.ballot_cast(poll=poll, user=council.people[key], option_id=option(poll, choice).pk)


def vote_for(council, poll, key, *choices):
    """A ballot with several votes (an election for several seats)."""
    ids = [option(poll, choice).pk for choice in choices]
    services.ballot_cast(poll=poll, user=council.people[key], option_ids=ids)


def election(council, meeting, candidates=("Anna", "Borys", "Chen"), *, seats=2, votes_per_ballot=2, **rules):
    return open_poll(
        council,
        meeting,
        kind=rules.pop("kind", Poll.Kind.SECRET),
        method=Poll.Method.CHOICE,
        majority=rules.pop("majority", Poll.Majority.SIMPLE),
        options=candidates,
        seats=seats,
        votes_per_ballot=votes_per_ballot,
        **rules,
    )


# --- the council's page ---------------------------------------------------------------

COUNCIL_PAGE = {
    "pl": {"title": "Rada Imigrantów i Imigrantek", "intro": "Głos migrantów w sprawach miasta."},
    "en": {"title": "Immigrants' Council", "intro": "The voice of migrants in city affairs."},
    "uk": {"title": "Рада іммігрантів та іммігранток", "intro": "Голос мігрантів у справах міста."},
    "ru": {"title": "Совет иммигрантов и иммигранток", "intro": "Голос мигрантов в делах города."},
}


def council_page(*, languages=("en", "uk", "ru")):
    """The council's page under the home page (``/pl/council/``), translated
    into ``languages``; in the others it is an alias of the Polish page."""
    page, _made = cms_services.page_add(site(), CouncilPage, "council", show_in_menus=True, **COUNCIL_PAGE["pl"])
    for code in languages:
        translate(page, code, **COUNCIL_PAGE[code])
    cms_services.tree_synchronise()
    return page


# --- a record to read ------------------------------------------------------------------


def at(day, hour=17, minute=0):
    """``day`` at ``hour`` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def yes_no(question, votes, *, kind=Poll.Kind.NAMED, majority=Poll.Majority.SIMPLE, motion=None):
    """A yes/no poll for :func:`held_meeting`; it decides ``motion`` when given."""
    return {"question": question, "kind": kind, "method": Poll.Method.YES_NO, "majority": majority, "options": ()} | {
        "motion": motion,
        "votes": votes,
    }


def choice(question, options, votes, *, kind=Poll.Kind.SECRET, majority=Poll.Majority.ABSOLUTE):
    """A choice between ``options`` (an election) for :func:`held_meeting`."""
    return {"question": question, "kind": kind, "method": Poll.Method.CHOICE, "majority": majority} | {
        "options": options,
        "motion": None,
        "votes": votes,
    }


def held_meeting(council, *, day, polls=(), absent=(), publish_minutes=True, language="pl"):
    """A meeting held on ``day`` from its start to its minutes, as the chair
    and the secretary run one: everyone but ``absent`` is marked present; each
    of ``polls`` (:func:`yes_no`, :func:`choice`) is prepared on its own agenda
    item (the motion's item when it decides a motion), opened, voted
    (``votes``: {person key: option kind or text}) and closed, twenty minutes
    apart; then the meeting is closed and its minutes published."""
    starts_at = at(day)
    meeting = Meeting.objects.create(
        term=council.term,
        number=Meeting.objects.filter(term=council.term).count() + 1,
        starts_at=starts_at,
        place="Sala 105",
        language=language,
    )
    AgendaItem.objects.create(meeting=meeting, sort_order=0, title="Otwarcie posiedzenia")
    items = []
    for position, poll in enumerate(polls, start=1):
        if poll["motion"] is not None:
            item = services.motion_schedule(
                motion=poll["motion"], meeting=meeting, user=council.chair, now=starts_at - datetime.timedelta(days=7)
            )
        else:
            item = AgendaItem.objects.create(meeting=meeting, sort_order=position, title=poll["question"])
        items.append(item)
    meeting = services.meeting_start(meeting=meeting, user=council.chair, now=starts_at)
    for item in items:
        item.meeting = meeting  # started
    for key, seat in council.seats.items():
        if key not in absent:
            services.attendance_set(
                meeting=meeting, membership=seat, present=True, user=council.secretary, now=starts_at
            )
    for number, (item, poll) in enumerate(zip(items, polls, strict=True), start=1):
        moment = starts_at + datetime.timedelta(minutes=20 * number)
        services.agenda_item_select(meeting=meeting, item=item, user=council.chair)
        made = services.poll_create(
            item=item,
            user=council.chair,
            question=poll["question"],
            kind=poll["kind"],
            method=poll["method"],
            majority=poll["majority"],
            options=poll["options"],
            on_motion=poll["motion"] is not None,
            now=moment,
        )
        made = services.poll_open(poll=made, user=council.chair, now=moment)
        for key, picked in poll["votes"].items():
            vote(council, made, key, picked)
        services.poll_close(poll=made, user=council.chair, now=moment + datetime.timedelta(minutes=5))
    end = starts_at + datetime.timedelta(hours=2)
    meeting = services.meeting_close(meeting=meeting, user=council.chair, now=end)
    if publish_minutes:
        services.minutes_publish(minutes=meeting.minutes, user=council.secretary, now=end)
    return Meeting.objects.get(pk=meeting.pk)


def everyone_but(council, *absent):
    return [key for key in council.people if key not in absent]


# The public profiles of some members: languages, community and a short bio in one or two languages.
PROFILES = {
    "chair": (
        "українська, polski, English",
        "Fundacja Ukraińska w Gdańsku",
        {"bio_uk": "Живу в Гданську з 2014 року.", "bio_pl": "Mieszkam w Gdańsku od 2014 roku."},
    ),
    "secretary": ("polski, русский", "Centrum Wsparcia Imigrantów", {"bio_pl": "Prawnik, doradza cudzoziemcom."}),
    "m1": ("беларуская, русский, polski", "Białoruski Dom", {"bio_ru": "Инженер-программист."}),
}


def council_record(*, members=7, number=None):
    """A council (chair, secretary, ``members`` members) with a public record,
    as a real one has after some months (its term began sixty days ago, so a
    council a test builds beside it, begun thirty days ago, is the current one):

    * meeting 1, twenty days ago (m7 absent): the vice-chair elected by secret
      ballot (a choice, absolute majority), and motion "interpreters" adopted
      by a named vote: resolution 1;
    * meeting 2, ten days ago, held in English (everyone present): "school
      liaisons" adopted by a named vote (resolution 2), "night bus" rejected by
      a named vote, and "housing advice" adopted by a secret vote with an
      absolute majority (resolution 3);
    * meeting 3, today, scheduled with two motions on its agenda, and a
      motion submitted since, and one still a draft (not public);
    * the chair, the secretary and Member 1 have public profiles (bios in
      Ukrainian and Polish, in Polish, in Russian).
    """
    council = build_council(members=members, number=number, days=60)
    for key, (languages, community, bios) in PROFILES.items():
        Membership.objects.filter(pk=council.seats[key].pk).update(languages=languages, community=community, **bios)
    today = timezone.localdate()
    day = datetime.timedelta(days=1)

    def motion(key, title, area, language="pl", *, drafted):
        made = services.motion_draft(
            term=council.term,
            submitter=council.people[key],
            title=title,
            text=f"Rada wnosi: {title.lower()}.",
            rationale="Tego potrzebują mieszkańcy.",
            area=area,
            language=language,
            now=at(drafted, 10),
        )
        return services.motion_submit(motion=made, user=council.people[key], now=at(drafted, 12))

    first_day, second_day = today - 20 * day, today - 10 * day
    interpreters = motion("m1", "Tłumacze w przychodniach", "health", drafted=first_day - 5 * day)
    first = held_meeting(
        council,
        day=first_day,
        absent=("m7",),
        polls=[
            choice(
                "Kto zostanie wiceprzewodniczącym Rady?",
                ["Member 1", "Member 3"],
                {"chair": "Member 1", "secretary": "Member 1", "m2": "Member 1", "m4": "Member 1"}
                | {"m5": "Member 1", "m1": "Member 3", "m3": "Member 3", "m6": "abstain"},
            ),
            yes_no(
                "Czy Rada przyjmuje wniosek w sprawie tłumaczy?",
                dict.fromkeys(everyone_but(council, "m5", "m6", "m7"), "yes") | {"m5": "no", "m6": "abstain"},
                motion=interpreters,
            ),
        ],
    )
    liaisons = motion("m2", "Łącznicy w szkołach", "education", drafted=second_day - 5 * day)
    night_bus = motion("m6", "Night bus to Oliwa", "local-communities", "en", drafted=second_day - 4 * day)
    housing = motion("m3", "Punkt porad mieszkaniowych", "housing", drafted=second_day - 3 * day)
    second = held_meeting(
        council,
        day=second_day,
        language="en",
        polls=[
            yes_no(
                "Does the council adopt the motion on school liaisons?",
                dict.fromkeys(everyone_but(council, "m7"), "yes") | {"m7": "abstain"},
                motion=liaisons,
            ),
            yes_no(
                "Does the council adopt the motion on a night bus?",
                dict.fromkeys(everyone_but(council, "m5", "m6", "m7", "m4"), "no")
                | dict.fromkeys(["m5", "m6", "m7"], "yes")
                | {"m4": "abstain"},
                motion=night_bus,
            ),
            yes_no(
                "Does the council adopt the motion on housing advice?",
                dict.fromkeys(everyone_but(council, "m3", "m6", "m7"), "yes") | {"m3": "no", "m6": "abstain"},
                kind=Poll.Kind.SECRET,
                majority=Poll.Majority.ABSOLUTE,
                motion=housing,
            ),
        ],
    )
    waiting = [
        motion("m4", "Fundusz festiwalu sąsiedzkiego", "culture", drafted=today - 8 * day),
        motion("m5", "Формуляри українською", "social-welfare", "uk", drafted=today - 6 * day),
    ]
    scheduled = Meeting.objects.create(
        term=council.term, number=3, starts_at=at(today), place="Sala 105", guest_seats=20
    )
    AgendaItem.objects.create(meeting=scheduled, sort_order=0, title="Otwarcie posiedzenia")
    for item in waiting:
        services.motion_schedule(motion=item, meeting=scheduled, user=council.chair, now=at(today - 2 * day))
    submitted = motion("m1", "Targi pracy", "work", drafted=today - 3 * day)
    draft = services.motion_draft(
        term=council.term,
        submitter=council.people["m2"],
        title="Zgłoszenia dyskryminacji",
        text="Rada wnosi o formularz.",
        area="violence-discrimination",
        language="pl",
        now=at(today - day, 10),
    )
    council.meetings = [first, second, scheduled]
    council.motions = {
        "interpreters": interpreters,
        "liaisons": liaisons,
        "night_bus": night_bus,
        "housing": housing,
        "waiting": waiting,
        "submitted": submitted,
        "draft": draft,
    }
    return council


# --- membership over time ------------------------------------------------------------


def make_call(term, *, opened_days_ago=1, closes_in_days=14, published=False, **titles):
    """A call for candidates for ``term``, open now unless told otherwise."""
    now = timezone.now()
    return CandidateCall.objects.create(
        term=term,
        opens_at=now - datetime.timedelta(days=opened_days_ago),
        closes_at=now + datetime.timedelta(days=closes_in_days),
        title_pl=titles.get("title_pl", "Nabór kandydatów"),
        title_en=titles.get("title_en", "Call for candidates"),
        description_en=titles.get("description_en", "Apply to serve on the council."),
        candidates_published=published,
    )


def apply(call, user, **fields):
    """An application to ``call`` made through the service, as on the site."""
    values = {
        "motivation": "Chcę pomagać sąsiadom.",
        "languages": "polski, ukraiński",
        "community": "Ukraińcy w Gdańsku",
        "language": "pl",
        "consent_to_publish": True,
    } | fields
    return recruitment_services.candidacy_submit(call=call, user=user, **values)


def close_call(call):
    """Move the call's closing into the past (and its opening before it)."""
    now = timezone.now()
    call.opens_at, call.closes_at = now - datetime.timedelta(days=10), now - datetime.timedelta(minutes=1)
    call.save(update_fields=["opens_at", "closes_at"])
    return call


def meeting_url(name, meeting, language):
    """The address of the meeting's page ``name`` (``meeting``, ``ballot``…) in ``language``."""
    with translation.override(language):
        return reverse(f"council:{name}", args=[meeting.pk])


def meeting_html(client, name, meeting, language):
    """That page as ``client`` reads it, checked to answer 200."""
    response = client.get(meeting_url(name, meeting, language))
    assert response.status_code == 200
    return response.content.decode()

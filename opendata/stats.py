"""Participation in numbers: reads that count what the platform holds.

Every function aggregates in the database, so the number of queries is the
same with ten comments or ten thousand.  Only public data is counted:
published comments of residents (never hidden or deleted ones, never the
city's own answers), visible proposals and their supports, consultations that
are live and public, and the council's record.  From secret polls nothing is
read but how many were held.

The counters return plain integers.  What the public sees goes through
:func:`public_count` (the small-count rule) and :func:`suppress_column`, by way
of the datasets built in :mod:`opendata.views_stats`.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, DateField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Length, Substr, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from consultations.models import Answer, ConsultationPage, OutcomeAnswer, Proposal, Source, Status
from consultations.selectors import counted_comments, counted_proposals, counted_supports, took_part
from core.areas import Area
from core.language import LANGUAGE_CODES
from council.models import Attendance, Meeting, Membership, Motion, MotionEvent, Poll, PollOption, Resolution

from .models import PEOPLE_MEASURES, Measure

SMALL_COUNT_LIMIT = 5
MONTHS_SHOWN = 24


# --- the small-count rule -----------------------------------------------------------


class FewerThan:
    """A count from 1 to ``SMALL_COUNT_LIMIT - 1``, shown without its value."""

    limit = SMALL_COUNT_LIMIT
    code = f"<{SMALL_COUNT_LIMIT}"  # in CSV and JSON

    def __str__(self):
        return str(_("fewer than %(limit)s") % {"limit": self.limit})

    def __repr__(self):
        return "FEWER_THAN_5"

    def __eq__(self, other):
        return isinstance(other, FewerThan)

    def __hash__(self):
        return hash(FewerThan)


FEWER_THAN_5 = FewerThan()


class Withheld:
    """A count of any size left out only so that a small count beside it
    cannot be worked out from the total.  Never "fewer than 5": it may be 300."""

    code = "withheld"  # in CSV and JSON

    def __str__(self):
        return str(_("withheld"))

    def __repr__(self):
        return "WITHHELD"

    def __eq__(self, other):
        return isinstance(other, Withheld)

    def __hash__(self):
        return hash(Withheld)


WITHHELD = Withheld()


def public_count(count):
    """The one rule for counts that could point at people: 1 to 4 becomes
    "fewer than 5".  Zero stays zero (it points at nobody), as do counts of 5
    or more."""
    if 0 < count < SMALL_COUNT_LIMIT:
        return FEWER_THAN_5
    return count


def is_suppressed(value):
    return isinstance(value, (FewerThan, Withheld))


def suppress_column(counts):
    """:func:`public_count` applied to a column of counts whose total is shown
    elsewhere.  When exactly one count was hidden, the total minus the others
    would give it away, so one more count is withheld -- as "withheld", not
    "fewer than 5", which it need not be.  It is the smallest count needed:
    :func:`secondary_cell` says which."""
    shown = [public_count(count) for count in counts]
    hidden = [index for index, value in enumerate(shown) if is_suppressed(value)]
    if len(hidden) == 1:
        index = secondary_cell(counts, hidden=hidden[0])
        if index is not None:
            shown[index] = WITHHELD
    return shown


def secondary_cell(counts, *, hidden):
    """Which count to withhold beside the one hidden at index ``hidden``.

    The smallest other count that is not zero and not the column's largest
    (ties: the first); failing that, the first zero, which still leaves two
    unknowns for one total; the largest only when it is the one other count.
    Withholding the largest would hide the figure a reader came for -- "most
    comments were written on the site" -- to protect one that is small."""
    others = [(count, index) for index, count in enumerate(counts) if index != hidden]
    if not others:
        return None
    largest = max(count for count, _index in others)
    if not largest:
        return None  # the total is the small count itself, and totals go through the same rule
    smaller = [(count, index) for count, index in others if 0 < count < largest]
    if smaller:
        return min(smaller)[1]
    # Every other count is zero or the largest.  Two equal largest counts:
    # withholding one of them hides no more than withholding a smaller one.
    tied = [index for count, index in others if count == largest and count > 0]
    if len(tied) > 1:
        return tied[0]
    zeros = [index for count, index in others if count == 0]
    if zeros:
        return zeros[0]
    return others[0][1]


# --- scope: which consultations count -------------------------------------------------


def public_consultations():
    """Live consultations with no view restriction on them or above them.

    Wagtail's ``public()`` reads the restrictions first, in a query of its
    own each time; this does the same inside the one query that uses it."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return ConsultationPage.objects.live().exclude(Exists(restricted))


def consultation_keys(*, area=None):
    """The ``translation_key`` of every live, public consultation (of one area)."""
    pages = public_consultations()
    if area:
        pages = pages.filter(areas__code=area)
    return pages.values("translation_key")


def _comments(area):
    return counted_comments(keys=consultation_keys(area=area))


def _proposals(area):
    return counted_proposals(keys=consultation_keys(area=area))


def _supports(area):
    return counted_supports(keys=consultation_keys(area=area))


def _participated(area):
    return took_part(keys=consultation_keys(area=area))


def _supports_by_key():
    """{consultation key: supports of its visible proposals} in one query."""
    key = Subquery(Proposal.objects.filter(pk=OuterRef("object_id")).values("consultation_key")[:1])
    rows = _supports(None).order_by().annotate(key=key).values("key").annotate(n=Count("pk")).values_list("key", "n")
    return dict(rows)


# --- consultations -----------------------------------------------------------------------


def participation_totals(*, area=None):
    """{comments, proposals, supports, participants}; four queries."""
    return {
        "comments": _comments(area).count(),
        "proposals": _proposals(area).count(),
        "supports": _supports(area).count(),
        "participants": get_user_model().objects.filter(_participated(area)).count(),
    }


def _month_counts(queryset, field):
    month = TruncMonth(field, output_field=DateField())
    return dict(
        queryset.order_by().annotate(month=month).values("month").annotate(n=Count("pk")).values_list("month", "n")
    )


def _months(first, last):
    month = first
    while month <= last:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _months_back(month, count):
    year, index = divmod(month.year * 12 + month.month - 1 - count, 12)
    return datetime.date(year, index + 1, 1)


def participation_by_month(*, area=None, today=None):
    """[{month, comments, proposals, supports}] from the first month with any
    activity (at most ``MONTHS_SHOWN`` months back) to this month, months
    without activity included.  Three queries."""
    today = today or timezone.localdate()
    series = {
        "comments": _month_counts(_comments(area), "created_at"),
        "proposals": _month_counts(_proposals(area), "created_at"),
        "supports": _month_counts(_supports(area), "create_at"),
    }
    found = [month for counts in series.values() for month in counts]
    if not found:
        return []
    last = max([*found, today.replace(day=1)])
    first = max(min(found), _months_back(last, MONTHS_SHOWN - 1))
    return [
        {"month": month, **{name: counts.get(month, 0) for name, counts in series.items()}}
        for month in _months(first, last)
    ]


def participation_by_area():
    """[{area, consultations, comments, proposals, supports, participants}] for
    the eight areas, in their order.  A consultation in two areas counts in
    both; a person who took part in two areas is a participant of both.  Five
    queries."""
    areas_of = {}
    pages = public_consultations().filter(areas__isnull=False)
    for key, code in pages.values_list("translation_key", "areas__code"):
        areas_of.setdefault(key, set()).add(code)
    per_key = {
        "comments": dict(
            _comments(None)
            .order_by()
            .values("consultation_key")
            .annotate(n=Count("pk"))
            .values_list("consultation_key", "n")
        ),
        "proposals": dict(
            _proposals(None)
            .order_by()
            .values("consultation_key")
            .annotate(n=Count("pk"))
            .values_list("consultation_key", "n")
        ),
        "supports": _supports_by_key(),
    }
    people = get_user_model().objects.aggregate(
        **{code: Count("pk", filter=_participated(code)) for code in Area.values}
    )
    rows = []
    for code, label in Area.choices:
        keys = {key for key, codes in areas_of.items() if code in codes}
        row = {"area": code, "label": label, "consultations": len(keys)}
        for name, counts in per_key.items():
            row[name] = sum(counts.get(key, 0) for key in keys)
        row["participants"] = people[code]
        rows.append(row)
    return rows


def participation_by_language(*, area=None):
    """[{language, comments, proposals}] for the site's languages, in their
    order: the language residents chose for what they wrote.  Two queries."""
    comments = dict(_comments(area).order_by().values("language").annotate(n=Count("pk")).values_list("language", "n"))
    proposals = dict(
        _proposals(area).order_by().values("language").annotate(n=Count("pk")).values_list("language", "n")
    )
    return [
        {"language": code, "comments": comments.get(code, 0), "proposals": proposals.get(code, 0)}
        for code in LANGUAGE_CODES
    ]


ONLINE = "online"  # the channel code of comments residents wrote on the site themselves


def comments_by_channel(*, area=None):
    """[{channel, comments}]: residents' comments written on the site
    (``online``) and, apart, those a facilitator entered on a resident's
    behalf, by where they came from (paper, phone, workshop, other).  One query."""
    counts = dict(
        _comments(area).order_by().values("submitted_via").annotate(n=Count("pk")).values_list("submitted_via", "n")
    )
    return [{"channel": ONLINE, "comments": counts.get("", 0)}] + [
        {"channel": source, "comments": counts.get(source, 0)} for source in Source.values
    ]


def consultations_by_status(*, area=None, now=None):
    """{status: number of consultations} (each consultation once, whatever
    the number of its translations).  One query."""
    now = now or timezone.now()
    pages = public_consultations().with_status(now)
    if area:
        pages = pages.filter(areas__code=area)
    counts = dict(
        pages.order_by().values("status").annotate(n=Count("translation_key", distinct=True)).values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in Status.values}


def answers_given(*, area=None):
    """{answer: how many comment threads and proposals got it}.  A proposal's
    answer is its own (also set when an outcome answers it); a comment
    thread's answer is in the published outcome, counted once whatever the
    number of the outcome's translations.  Two queries."""
    proposals = dict(
        _proposals(area)
        .exclude(answer_status="")
        .order_by()
        .values("answer_status")
        .annotate(n=Count("pk"))
        .values_list("answer_status", "n")
    )
    threads = dict(
        OutcomeAnswer.objects.filter(
            page__live=True, comment__in=_comments(area).filter(parent=None), proposal__isnull=True
        )
        .order_by()
        .values("status")
        .annotate(n=Count("comment", distinct=True))
        .values_list("status", "n")
    )
    return {answer: proposals.get(answer, 0) + threads.get(answer, 0) for answer in Answer.values}


# --- the council ------------------------------------------------------------------------


HELD = (Meeting.Status.LIVE, Meeting.Status.CLOSED)


def _area_meetings(term, area):
    meetings = Meeting.objects.filter(term=term, status__in=HELD)
    if area:
        meetings = meetings.filter(agenda_items__motion__area=area).distinct()
    return meetings


def council_totals(*, term, area=None):
    """{meetings, polls_named, polls_secret, motions, motions_adopted}: the
    council's record in ``term`` (for an area: meetings that had one of the
    area's motions on the agenda, votes and motions on them).  Three queries."""
    if term is None:
        return {"meetings": 0, "polls_named": 0, "polls_secret": 0, "motions": 0, "motions_adopted": 0}
    polls = Poll.objects.filter(agenda_item__meeting__term=term, state=Poll.State.CLOSED)
    motions = Motion.objects.filter(term=term).exclude(state=Motion.State.DRAFT)
    if area:
        polls = polls.filter(motion__area=area)
        motions = motions.filter(area=area)
    poll_counts = polls.aggregate(
        named=Count("pk", filter=Q(kind=Poll.Kind.NAMED)), secret=Count("pk", filter=Q(kind=Poll.Kind.SECRET))
    )
    motion_counts = motions.aggregate(all=Count("pk"), adopted=Count("pk", filter=Q(state=Motion.State.ADOPTED)))
    return {
        "meetings": _area_meetings(term, area).count(),
        "polls_named": poll_counts["named"],
        "polls_secret": poll_counts["secret"],
        "motions": motion_counts["all"],
        "motions_adopted": motion_counts["adopted"],
    }


def attendance_by_meeting(*, term, area=None):
    """[{meeting, number, day, present, entitled}] for the meetings held in
    ``term``, oldest first.  Entitled are the members whose seat covered the
    meeting's day.  One query."""
    if term is None:
        return []
    meetings = (
        _area_meetings(term, area)
        .with_members_entitled()
        .annotate(present=Count("attendance", filter=Q(attendance__state=Attendance.State.PRESENT), distinct=True))
        .order_by("starts_at", "pk")
    )
    return [
        {
            "meeting": meeting,
            "number": meeting.number,
            "day": meeting.meeting_day,
            "present": meeting.present,
            "entitled": meeting.members_entitled,
        }
        for meeting in meetings
    ]


def voting_records(*, term, area=None):
    """[{member, name, yes, no, abstain, other, voted, polls, not_voted}] for
    each member of ``term``: their ballots in closed NAMED polls only (for an
    area, polls on the area's motions).  ``polls`` counts the named polls held
    while the seat was held, ``not_voted`` those without the member's ballot.
    Nothing is read from secret polls.  One query."""
    if term is None:
        return []
    polls = Poll.objects.filter(kind=Poll.Kind.NAMED, state=Poll.State.CLOSED)
    named = Q(ballots__secret=False, ballots__poll__kind=Poll.Kind.NAMED, ballots__poll__state=Poll.State.CLOSED)
    if area:
        polls = polls.filter(motion__area=area)
        named &= Q(ballots__poll__motion__area=area)
    held = (
        polls.filter(
            agenda_item__meeting__term=OuterRef("term"),
            agenda_item__meeting__starts_at__date__gte=OuterRef("starts_on"),
            agenda_item__meeting__starts_at__date__lte=OuterRef("until"),
        )
        .order_by()
        .values("kind")
        .annotate(n=Count("pk"))
        .values("n")
    )
    members = (
        Membership.objects.filter(term=term)
        .select_related("user")
        .annotate(
            until=Coalesce("ends_on", Value(datetime.date.max)),
            yes=Count("ballots", filter=named & Q(ballots__option__kind=PollOption.Kind.YES)),
            no=Count("ballots", filter=named & Q(ballots__option__kind=PollOption.Kind.NO)),
            abstain=Count("ballots", filter=named & Q(ballots__option__kind=PollOption.Kind.ABSTAIN)),
            other=Count("ballots", filter=named & Q(ballots__option__kind=PollOption.Kind.OPTION)),
            polls=Coalesce(Subquery(held), 0),
        )
        .order_by("user__display_name", "pk")
    )
    rows = []
    for member in members:
        voted = member.yes + member.no + member.abstain + member.other
        rows.append(
            {
                "member": member,
                "name": member.name,
                "yes": member.yes,
                "no": member.no,
                "abstain": member.abstain,
                "other": member.other,
                "voted": voted,
                "polls": member.polls,
                "not_voted": max(member.polls - voted, 0),
            }
        )
    return rows


# --- evaluation indicators --------------------------------------------------------------


def _indicator_count(indicator):
    """(source, Count expression) computing ``indicator``'s measure."""
    area = indicator.area
    start, end = indicator.period
    keys = consultation_keys(area=area)
    language = Q(language=indicator.language) if indicator.language else Q()
    measure = indicator.measure
    if measure in (Measure.CONSULTATIONS_HELD, Measure.OUTCOMES_PUBLISHED):
        field = "opens_at" if measure == Measure.CONSULTATIONS_HELD else "outcome_published_at"
        condition = Q(areas__code=area, **{f"{field}__date__range": (start, end), f"{field}__lte": timezone.now()})
        return "consultations", Count("translation_key", distinct=True, filter=condition)
    if measure == Measure.COMMENTS:
        return "comments", Count(
            "pk", filter=Q(consultation_key__in=keys, created_at__date__range=(start, end)) & language
        )
    if measure == Measure.PROPOSALS:
        return "proposals", Count(
            "pk", filter=Q(consultation_key__in=keys, created_at__date__range=(start, end)) & language
        )
    if measure == Measure.PROPOSALS_ANSWERED:
        answer = Q(answer_status=indicator.answer) if indicator.answer else ~Q(answer_status="")
        return "proposals", Count(
            "pk", filter=Q(consultation_key__in=keys, answered_at__date__range=(start, end)) & answer
        )
    if measure == Measure.SUPPORTS:
        proposals = _proposals(area).values("pk")
        return "supports", Count("pk", filter=Q(object_id__in=proposals, create_at__date__range=(start, end)))
    if measure == Measure.PARTICIPANTS:
        return "people", Count("pk", filter=took_part(keys=consultation_keys(area=area), period=(start, end)))
    if measure == Measure.COUNCIL_MEETINGS:
        return "meetings", Count("pk", filter=Q(status__in=HELD, started_at__date__range=(start, end)))
    if measure == Measure.MOTIONS_SUBMITTED:
        submitted = MotionEvent.objects.filter(
            motion=OuterRef("pk"), state=Motion.State.SUBMITTED, at__date__range=(start, end)
        )
        return "motions", Count("pk", filter=Q(area=area) & Exists(submitted))
    if measure == Measure.MOTIONS_ADOPTED:
        adopted = Resolution.objects.filter(motion=OuterRef("pk"), adopted_on__range=(start, end))
        return "motions", Count("pk", filter=Q(area=area, state=Motion.State.ADOPTED) & Exists(adopted))
    raise ValueError(f"unknown measure {measure!r}")


def _indicator_sources():
    return {
        "consultations": public_consultations(),
        "comments": counted_comments(),
        "proposals": counted_proposals(),
        "supports": _supports(None),
        "people": get_user_model().objects.all(),
        "meetings": Meeting.objects.all(),
        "motions": Motion.objects.all(),
    }


def indicator_values(indicators):
    """{indicator pk: raw value} for computed indicators and those entered by
    hand (None while nothing was entered).  One query per kind of thing
    counted (at most seven), whatever the number of indicators or of rows."""
    values = {}
    by_source = {}
    for indicator in indicators:
        if not indicator.measure:
            values[indicator.pk] = indicator.manual_value
            continue
        source, expression = _indicator_count(indicator)
        by_source.setdefault(source, {})[f"i{indicator.pk}"] = expression
    sources = _indicator_sources()
    for source, expressions in by_source.items():
        for name, value in sources[source].order_by().aggregate(**expressions).items():
            values[int(name[1:])] = value
    return values


def indicator_progress(indicators):
    """[{indicator, value, shown, percent, reached}] where ``shown`` obeys the
    small-count rule for measures counting what people did, and ``percent``
    (of the target, at most 100) is left out when the value is hidden."""
    indicators = list(indicators)
    values = indicator_values(indicators)
    rows = []
    for indicator in indicators:
        value = values.get(indicator.pk)
        shown = public_count(value) if value is not None and indicator.measure in PEOPLE_MEASURES else value
        percent = None
        if value is not None and not is_suppressed(shown):
            percent = min(100, round(100 * value / indicator.target))
        rows.append(
            {
                "indicator": indicator,
                "value": shown,
                "percent": percent,
                "reached": value is not None and not is_suppressed(shown) and value >= indicator.target,
            }
        )
    return rows

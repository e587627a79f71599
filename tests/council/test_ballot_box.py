"""The ballot box of secret polls: the choice apart from the marker of who
voted, counted once at closing, emptied, and a lost box declared void.

The tests marked PostgreSQL replay the attack that recovered every member's
choice from the old design: raw pages (``pageinspect``, free space included),
row versions in transaction order, ids in voting order, and the WAL written
during the poll (``pg_walinspect`` and the WAL files' bytes)."""

import os
import re

import psycopg2
import pytest
from django.db import DatabaseError, connection
from django.urls import reverse

from core.errors import RuleBroken
from council import services
from council.models import Ballot, BallotBox, Membership, Motion, Poll, PollOption

from .factories import build_council, build_meeting, mark_present, open_poll, option, refusal, submitted_motion, vote

BOX_LOST = "The ballot box was lost in a server failure; repeat the vote."
QUERIES_PER_SECRET_BALLOT = 12  # lock, checks, marker in a savepoint, box


def _require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("reads PostgreSQL's pages, row versions and WAL (set DATABASE_URL to a PostgreSQL database)")


def _counts(poll):
    return {o.text or o.kind: o.votes for o in PollOption.objects.filter(poll=poll)}


def _lose_the_box():
    """What a crash does to an unlogged table, done from outside Rada."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {BallotBox._meta.db_table}")
    else:
        BallotBox.objects.all().delete()


# --- casting and counting --------------------------------------------------------------


def test_a_secret_ballot_puts_the_choice_in_the_box_and_leaves_the_counters_alone(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "no")
    box = list(BallotBox.objects.filter(poll=poll))
    assert [row.option_id for row in box] == [option(poll, "no").pk]
    assert box[0].id.version == 4
    assert _counts(poll) == {"yes": 0, "no": 0, "abstain": 0}
    assert Ballot.objects.get(poll=poll).option_id is None


def test_box_ids_are_random_so_they_do_not_follow_the_order_of_voting(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    for key in ("m1", "m2", "m3", "m4", "m5"):
        vote(council, poll, key, "yes")
    ids = list(BallotBox.objects.filter(poll=poll).values_list("id", flat=True))
    assert len(set(ids)) == 5
    assert all(value.version == 4 for value in ids)


def test_a_named_ballot_keeps_its_choice_and_raises_only_its_counter(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    vote(council, poll, "m1", "no")
    assert Ballot.objects.get(poll=poll).option_id == option(poll, "no").pk
    assert _counts(poll) == {"yes": 0, "no": 1, "abstain": 0}
    assert not BallotBox.objects.exists()


def test_closing_counts_the_box_into_the_frozen_result_and_empties_it(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    for key, choice in (("m1", "yes"), ("m2", "no"), ("m3", "yes"), ("m4", "abstain"), ("m5", "yes")):
        vote(council, poll, key, choice)
    poll = services.poll_close(poll=poll, user=council.chair)
    assert _counts(poll) == {"yes": 3, "no": 1, "abstain": 1}
    assert (poll.cast, poll.outcome) == (5, Poll.Outcome.PASSED)
    assert not BallotBox.objects.filter(poll=poll).exists()


def test_a_secret_election_is_counted_from_the_box(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(
        council, meeting, kind=Poll.Kind.SECRET, method=Poll.Method.CHOICE, options=["Anna", "Borys", "Chen"]
    )
    for key, choice in (("m1", "Chen"), ("m2", "Anna"), ("m3", "Chen"), ("m4", "Chen"), ("chair", "Chen")):
        vote(council, poll, key, choice)
    poll = services.poll_close(poll=poll, user=council.chair)
    assert _counts(poll) == {"Anna": 1, "Borys": 0, "Chen": 4, "abstain": 0}
    assert (poll.outcome, poll.winner_id) == (Poll.Outcome.CHOSEN, option(poll, "Chen").pk)


def test_closing_one_secret_poll_keeps_the_box_of_another_meetings_open_poll(council, meeting):
    other = build_meeting(council)
    mark_present(council, meeting)
    mark_present(council, other)
    closing = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    still_open = open_poll(council, other, kind=Poll.Kind.SECRET)
    vote(council, closing, "m1", "yes")
    for key in ("m1", "m2", "m3"):
        vote(council, still_open, key, "no")
    services.poll_close(poll=closing, user=council.chair)
    assert (
        sorted(BallotBox.objects.values_list("poll_id", "option_id"))
        == [(still_open.pk, option(still_open, "no").pk)] * 3
    )
    still_open = services.poll_close(poll=still_open, user=council.chair)
    assert _counts(still_open) == {"yes": 0, "no": 3, "abstain": 0}


def test_the_box_accepts_no_choice_for_a_poll_that_is_not_open(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    services.poll_close(poll=poll, user=council.chair)
    with pytest.raises(Exception, match="only while their poll is open"):
        BallotBox.objects.create(poll=poll, option=option(poll, "yes"))


# --- a lost box: void, and the vote prepared again --------------------------------------------


def test_a_lost_box_makes_the_poll_void_never_a_wrong_tally(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    for key in ("m1", "m2", "m3"):
        vote(council, poll, key, "no")
    _lose_the_box()
    poll = services.poll_close(poll=poll, user=council.chair)
    assert poll.state == Poll.State.CLOSED
    assert (poll.outcome, poll.cast, poll.winner_id) == (Poll.Outcome.VOID, 3, None)
    assert _counts(poll) == {"yes": 0, "no": 0, "abstain": 0}
    assert poll.public_counts(poll.options.all()) is None
    assert poll.get_outcome_display() == "Void: the ballot box was lost in a server failure"


def test_a_box_that_lost_only_some_ballots_is_void_too(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    for key in ("m1", "m2", "m3"):
        vote(council, poll, key, "yes")
    BallotBox.objects.filter(pk=BallotBox.objects.filter(poll=poll).first().pk).delete()
    assert services.poll_close(poll=poll, user=council.chair).outcome == Poll.Outcome.VOID


def test_a_ballot_into_a_lost_box_is_refused_with_the_reason_and_records_nothing(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "yes")
    _lose_the_box()
    assert refusal(lambda: vote(council, poll, "m2", "yes")) == BOX_LOST
    assert Ballot.objects.filter(poll=poll).count() == 1
    assert not BallotBox.objects.exists()


def test_a_void_poll_is_prepared_again_with_the_same_question_and_options(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET, method=Poll.Method.CHOICE, options=["Anna", "Borys"])
    vote(council, poll, "m1", "Anna")
    _lose_the_box()
    closed = services.poll_close(poll=poll, user=council.chair)
    again = closed.repeated_by
    assert again.state == Poll.State.DRAFT
    assert (again.agenda_item_id, again.question, again.kind, again.method, again.majority) == (
        poll.agenda_item_id,
        poll.question,
        poll.kind,
        poll.method,
        poll.majority,
    )
    assert [o.label for o in again.options.all()] == ["Anna", "Borys", "Abstain"]
    again = services.poll_open(poll=again, user=council.chair)
    vote(council, again, "m1", "Borys")
    vote(council, again, "m2", "Borys")
    again = services.poll_close(poll=again, user=council.chair)
    assert again.outcome == Poll.Outcome.CHOSEN
    assert _counts(again) == {"Anna": 0, "Borys": 2, "abstain": 0}


def test_a_void_vote_on_a_motion_leaves_the_motion_to_be_decided_by_the_repeat(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    mark_present(council, meeting)
    item = meeting.agenda_items.get(motion=motion)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET, on_motion=True, item=item)
    vote(council, poll, "m1", "yes")
    _lose_the_box()
    closed = services.poll_close(poll=poll, user=council.chair)
    motion.refresh_from_db()
    assert motion.state == Motion.State.SCHEDULED
    assert not hasattr(motion, "resolution")
    again = services.poll_open(poll=closed.repeated_by, user=council.chair)
    for key in ("m1", "m2", "m3"):
        vote(council, again, key, "yes")
    services.poll_close(poll=again, user=council.chair)
    motion.refresh_from_db()
    assert motion.state == Motion.State.ADOPTED
    assert motion.resolution.poll_id == again.pk


def test_a_void_poll_shows_no_counts_in_the_api_or_the_live_state(client, council, meeting):
    from council import selectors

    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "yes")
    _lose_the_box()
    poll = services.poll_close(poll=poll, user=council.chair)
    body = client.get(f"/api/v1/council/polls/{poll.pk}/").json()
    assert body["counts"] is None
    assert (body["result"]["outcome"], body["result"]["cast"]) == ("void", 1)
    state = selectors.live_state(meeting)["poll"]
    assert state["id"] == poll.pk and "counts" not in state
    assert state["result"]["outcome"] == "void"


def test_only_a_void_poll_is_repeated(council, meeting):
    mark_present(council, meeting)
    poll = services.poll_close(poll=open_poll(council, meeting, kind=Poll.Kind.SECRET), user=council.chair)
    with pytest.raises(RuleBroken, match="Only a vote declared void is repeated."):
        services.poll_repeat(poll=poll, user=council.chair)


def test_the_chair_is_told_the_box_was_lost_and_finds_the_vote_prepared_again(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "yes")
    _lose_the_box()
    client.force_login(council.chair)
    response = client.post(reverse("council:poll_close", args=[poll.pk]))
    again = Poll.objects.get(agenda_item=poll.agenda_item, state=Poll.State.DRAFT)
    assert response.url.endswith(f"#poll-{again.pk}")
    page = client.get(response.url)
    texts = [str(message) for message in page.context["messages"]]
    assert texts == [
        "The ballot box was lost in a server failure; repeat the vote. The same vote is prepared again below."
    ]


def test_a_member_voting_into_a_lost_box_is_told_why(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "yes")
    _lose_the_box()
    client.force_login(council.people["m2"])
    response = client.post(
        reverse("council:ballot_cast", args=[poll.pk]), {"choice": option(poll, "no").pk}, follow=True
    )
    assert [str(message) for message in response.context["messages"]] == [BOX_LOST]
    assert Ballot.objects.filter(poll=poll).count() == 1


# --- PostgreSQL: the table itself ----------------------------------------------------------


def test_the_box_is_an_unlogged_table_without_foreign_keys(db):
    _require_postgresql()
    with connection.cursor() as cursor:
        cursor.execute("SELECT relpersistence FROM pg_class WHERE oid = %s::regclass", [BallotBox._meta.db_table])
        assert cursor.fetchone() == ("u",)
        cursor.execute(
            "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = %s::regclass",
            [BallotBox._meta.db_table],
        )
        assert cursor.fetchone() == (0,)


@pytest.mark.django_db(transaction=True)
def test_closing_waits_for_a_backup_reading_the_box_only_briefly_and_then_says_why(monkeypatch, settings):
    _require_postgresql()
    monkeypatch.setattr(services, "BOX_LOCK_TIMEOUT", "200ms")
    council = build_council()
    meeting = build_meeting(council)
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "yes")
    backup = _second_connection()
    try:
        with backup.cursor() as cursor:  # pg_dump holds this lock until it ends
            cursor.execute(f"SELECT count(*) FROM {BallotBox._meta.db_table}")  # noqa: S608 - a model's table
        message = refusal(lambda: services.poll_close(poll=poll, user=council.chair))
    finally:
        backup.rollback()
        backup.close()
    assert message == "The ballot box is in use by a backup or another process. Try closing the vote again in a minute."
    poll.refresh_from_db()
    assert poll.state == Poll.State.OPEN
    assert BallotBox.objects.filter(poll=poll).count() == 1
    assert _counts(services.poll_close(poll=poll, user=council.chair))["yes"] == 1


def _second_connection():
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg2.connect(**{key: value for key, value in params.items() if value not in (None, "")})


@pytest.mark.django_db(transaction=True)
def test_a_crash_that_empties_the_box_mid_poll_gives_void_and_a_repeat(client):
    """PostgreSQL resets unlogged tables when it recovers from a crash; the
    markers, logged, survive.  Emptied from outside Rada, as recovery would."""
    _require_postgresql()
    council = build_council()
    meeting = build_meeting(council)
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    for key in ("m1", "m2", "m3"):
        vote(council, poll, key, "yes")
    outside = _second_connection()
    try:
        with outside.cursor() as cursor:
            cursor.execute(f"TRUNCATE {BallotBox._meta.db_table}")
        outside.commit()
    finally:
        outside.close()
    assert refusal(lambda: vote(council, poll, "m4", "no")) == BOX_LOST
    client.force_login(council.chair)
    client.post(reverse("council:poll_close", args=[poll.pk]))
    poll.refresh_from_db()
    assert (poll.state, poll.outcome, poll.cast) == (Poll.State.CLOSED, Poll.Outcome.VOID, 3)
    again = Poll.objects.get(agenda_item=poll.agenda_item, state=Poll.State.DRAFT)
    again = services.poll_open(poll=again, user=council.chair)
    for key, choice in (("m1", "yes"), ("m2", "no"), ("m3", "yes"), ("m4", "no"), ("m5", "yes")):
        vote(council, again, key, choice)
    again = services.poll_close(poll=again, user=council.chair)
    assert (again.outcome, again.cast) == (Poll.Outcome.PASSED, 5)
    assert _counts(again) == {"yes": 3, "no": 2, "abstain": 0}


# --- PostgreSQL: the attack, replayed -----------------------------------------------------------

CHOICES = ["yes", "no", "yes", "abstain", "yes", "no", "no", "yes", "abstain"]
BLOCK_REF = re.compile(r"rel \d+/\d+/(\d+) fork (\w+) blk (\d+)")
SUBXACTS = re.compile(r"subxacts: ([\d ]+)")
XTOP = re.compile(r"xtop (\d+)")


def _sql(query, params=()):
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall() if cursor.description else []


def _relations(table):
    """The table and its indexes: ``{oid: name}``."""
    rows = _sql("SELECT %s::regclass::oid", [table])
    rows += _sql("SELECT indexrelid FROM pg_index WHERE indrelid = %s::regclass", [table])
    return {oid: _sql("SELECT relname FROM pg_class WHERE oid = %s", [oid])[0][0] for (oid,) in rows}


def _filenodes(table):
    return {_sql("SELECT pg_relation_filenode(%s)", [oid])[0][0] for oid in _relations(table)}


def _pages(name):
    blocks = _sql("SELECT pg_relation_size(%s) / current_setting('block_size')::int", [name])[0][0]
    return [bytes(_sql("SELECT get_raw_page(%s, %s)", [name, block])[0][0]) for block in range(blocks)]


def _heap_versions(table):
    """Every row version the heap's pages still hold, dead ones too, as
    ``(xmin, xmax)``, and those whose bytes a page's free space still holds
    (pruned, not yet overwritten).  A version starts at an 8-byte boundary of its
    page with its xmin and xmax, so the free space is read at those boundaries:
    read at every byte, its leftover numbers and text would now and then match
    an xid by chance."""
    versions, leftovers = [], []
    for block, page in enumerate(_pages(table)):
        versions += _sql(
            "SELECT t_xmin::text::bigint, t_xmax::text::bigint FROM heap_page_items(get_raw_page(%s, %s))"
            " WHERE t_xmin IS NOT NULL",
            [table, block],
        )
        lower, upper = _sql("SELECT lower, upper FROM page_header(get_raw_page(%s, %s))", [table, block])[0]
        for start in range(-(-lower // 8) * 8, upper - 7, 8):
            xmin, xmax = (int.from_bytes(page[at : at + 4], "little") for at in (start, start + 4))
            leftovers.append((xmin, xmax))
    return versions, leftovers


def _transactions(start, end, xids):
    """Each of ``xids`` with the transaction it belongs to.  A ballot's marker is
    written in a savepoint (so that a second ballot is a plain refusal), whose
    subtransaction has an id of its own; the WAL's commit records (and
    assignment records) name the top transaction of each."""
    found = set(xids)
    records = _sql(
        "SELECT xid::text::bigint, description FROM pg_get_wal_records_info(%s::pg_lsn, %s::pg_lsn)"
        " WHERE resource_manager = 'Transaction'",
        [start, end],
    )
    for xid, description in records:
        top = int(XTOP.search(description).group(1)) if XTOP.search(description) else xid
        subxacts = (
            {int(value) for value in SUBXACTS.search(description).group(1).split()}
            if "subxacts" in description
            else set()
        )
        if subxacts & found:
            found |= {top} | subxacts
    return found


def _wal_bytes(start, end):
    """The WAL files' bytes between two positions, as the archive keeps them."""
    (start_file, start_offset), (end_file, end_offset) = (
        _sql("SELECT file_name, file_offset FROM pg_walfile_name_offset(%s::pg_lsn)", [lsn])[0] for lsn in (start, end)
    )
    names = sorted(name for (name,) in _sql("SELECT name FROM pg_ls_waldir()") if start_file <= name <= end_file)
    data = b""
    for name in names:
        content = bytes(_sql("SELECT pg_read_binary_file(%s)", [f"pg_wal/{name}"])[0][0])
        first = start_offset if name == start_file else 0
        last = end_offset if name == end_file else len(content)
        data += content[first:last]
    return data


@pytest.fixture
def wal_kept(transactional_db):
    """A temporary replication slot keeps the WAL written during the test from
    being recycled by a checkpoint before the test reads it (the server is shared)."""
    name = f"rada_test_{os.getpid()}"
    try:
        _sql("SELECT pg_create_physical_replication_slot(%s, true, true)", [name])
    except DatabaseError:
        yield  # not PostgreSQL, or no slot to spare: the test reads the WAL while it is there
        return
    # The test settings let commits return before their WAL is on disk; the WAL
    # can be read only up to where it is, so this test's commits wait for it.
    _sql("SET synchronous_commit = on")
    yield
    _sql("RESET synchronous_commit")
    _sql("SELECT pg_drop_replication_slot(%s)", [name])


def test_after_closing_nothing_stored_links_a_member_to_a_choice(wal_kept):
    _require_postgresql()
    if not _sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")[0][0]:
        pytest.skip("reading raw pages and WAL files needs a superuser connection")
    available = _sql("SELECT count(*) FROM pg_available_extensions WHERE name IN ('pageinspect', 'pg_walinspect')")
    if available[0][0] != 2:
        pytest.skip("needs the pageinspect and pg_walinspect extensions (PostgreSQL 15 contrib)")
    _sql("CREATE EXTENSION IF NOT EXISTS pageinspect")
    _sql("CREATE EXTENSION IF NOT EXISTS pg_walinspect")
    council = build_council(members=9)
    meeting = build_meeting(council)
    mark_present(council, meeting)
    box_table, option_table = BallotBox._meta.db_table, PollOption._meta.db_table
    old_box_files = _filenodes(box_table)
    first_xid = _sql("SELECT txid_current() %% 4294967296")[0][0]
    start = _sql("SELECT pg_current_wal_lsn()::text")[0][0]

    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    for number, choice in enumerate(CHOICES, start=1):
        vote(council, poll, f"m{number}", choice)
    # A superuser watching while the poll is open sees the box; keep its ids
    # to look for them in the WAL and the pages afterwards.
    box_ids = [value.bytes for value in BallotBox.objects.filter(poll=poll).values_list("id", flat=True)]
    assert len(box_ids) == 9
    markers = _sql(
        f"SELECT id, member_id, xmin::text::bigint FROM {Ballot._meta.db_table} WHERE poll_id = %s ORDER BY id",  # noqa: S608
        [poll.pk],
    )
    ballot_xids = {xid for _id, _member, xid in markers}
    assert len(ballot_xids) == 9  # id order and xmin order give the order of voting: that much is known

    poll = services.poll_close(poll=poll, user=council.chair)
    end = _sql("SELECT pg_current_wal_lsn()::text")[0][0]
    assert _counts(poll) == {"yes": 4, "no": 3, "abstain": 2}
    ballot_xids = _transactions(start, end, ballot_xids)
    assert len(ballot_xids) == 18  # each ballot: its transaction and the savepoint of its marker

    # A dump taken now: markers without choices, totals, an empty box.
    assert _sql(f"SELECT count(*) FROM {box_table}")[0][0] == 0  # noqa: S608
    assert all(option_id is None for (option_id,) in Ballot.objects.filter(poll=poll).values_list("option_id"))

    # The counters: no version of any option row was written or deleted by a
    # ballot's transaction, in the live tuples, the dead ones, or the bytes
    # left in the pages' free space.  So the attack's sequence of increments,
    # to pair with the markers in id order, is empty.
    versions, leftovers = _heap_versions(option_table)
    increments = sorted(xmin for xmin, xmax in versions + leftovers if xmin in ballot_xids or xmax in ballot_xids)
    assert increments == []
    new_versions = {xmin for xmin, _xmax in versions if xmin >= first_xid}
    assert len(new_versions) <= 2  # the options made (zeros), the totals written at closing

    # The box: a new, empty file; none of its former rows in any of its pages.
    for name in _relations(box_table).values():
        for page in _pages(name):
            assert not any(value in page for value in box_ids)
    assert _sql("SELECT pg_relation_size(%s)", [box_table])[0][0] == 0

    # The WAL of the poll: the ballots' transactions wrote the markers, locked
    # the poll and (checking the marker's foreign key) the member's seat --
    # who, never what; no record touches the box's data, and none of its
    # rows' bytes is anywhere in the WAL files.
    allowed = _filenodes(Ballot._meta.db_table) | _filenodes(Poll._meta.db_table)
    allowed |= {_sql("SELECT pg_relation_filenode(%s)", [Membership._meta.db_table])[0][0]}
    box_files = old_box_files | _filenodes(box_table)
    option_files = _filenodes(option_table)
    records = _sql(
        "SELECT xid::text::bigint, block_ref FROM pg_get_wal_records_info(%s::pg_lsn, %s::pg_lsn)", [start, end]
    )
    touched_by_ballots = set()
    for xid, block_ref in records:
        for filenode, fork, _block in BLOCK_REF.findall(block_ref or ""):
            filenode = int(filenode)
            assert not (filenode in box_files and fork == "main"), "the box's data reached the WAL"
            if xid in ballot_xids:
                touched_by_ballots.add(filenode)
    assert touched_by_ballots
    assert touched_by_ballots <= allowed, _sql(
        "SELECT f, pg_filenode_relation(0, f)::text FROM unnest(%s::oid[]) f", [sorted(touched_by_ballots - allowed)]
    )
    assert not touched_by_ballots & option_files
    wal = _wal_bytes(start, end)
    assert poll.question.encode() in wal  # the reading works: the poll's own row was logged
    assert not any(value in wal for value in box_ids)


@pytest.mark.parametrize("earlier", [0, 5])
def test_a_secret_ballot_takes_the_same_number_of_queries_however_many_came_before(
    council, meeting, earlier, django_assert_num_queries
):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    for number in range(1, earlier + 1):
        vote(council, poll, f"m{number}", "yes")
    yes = option(poll, "yes").pk
    with django_assert_num_queries(QUERIES_PER_SECRET_BALLOT):
        services.ballot_cast(poll=poll, user=council.chair, option_id=yes)

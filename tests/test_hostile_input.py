"""No input gives a 500: every URL pattern of the site (the Wagtail admin's and
allauth's included, and the pages Wagtail serves) is requested with hostile
values in the query parameters views read and in unknown ones, as an anonymous
visitor, a resident and a superuser.  Its path parameters are real ids from one
world built with the factories, so the views get past their lookups.

A URL whose view never looks at its query (most of them) gets one of the four
hostile queries, a different one from URL to URL so that the middlewares and
the error pages meet all four; a URL whose view, its forms or its templates
touch ``request.GET`` in any way gets all four."""

import datetime
import urllib.parse

import pytest
from django.core.files.base import ContentFile
from django.http import QueryDict
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision

from consultations.models import Comment, Proposal, WordingProposal
from council import follow_up_services, recruitment_services
from council.follow_up import CityStatus
from council.models import Meeting, Membership, Motion, Poll, Resolution
from council.recruitment import Substitute, Vacancy
from events.models import Registration
from support.models import FrequentQuestion
from tests.accounts.factories import UserFactory, official, superuser
from tests.council import factories as council_factories
from tests.database import built_once_per_module
from tests.events.factories import make_event
from tests.opendata.factories import open_data
from tests.plainlanguage.factories import glossary_term
from tests.support import factories as support_factories
from tests.translators.factories import make_translator
from translators import interpreting

# Query parameters some view reads (``git grep "request.GET"``, the API's
# filters, Wagtail's listings, allauth's ``next``), as numbers or as text, and
# one that nobody reads.
NUMBERS = ["page", "p", "reply", "term", "page_size", "meeting", "consultation", "year"]
TEXTS = [
    "q", "area", "status", "state", "language", "show", "pair", "stand_ins", "since", "until",
    "kind", "format", "ordering", "locale", "next", "lang", "unknown",
]  # fmt: skip
ARRAY = ["1", "2"]  # ?a=1&a=2
CONTROL = "".join(map(chr, range(32))) + "\ufffe"
# Four requests per URL; each parameter meets four hostile values across them.
QUERIES = {
    "non-ASCII digits / NUL": ("²³٣", "a\x00b"),
    "negative / 10 KB with control characters": ("-1", ("x" * 10_240) + CONTROL),
    "huge / arrays": ("99999999999999999999", ARRAY),
    "arrays / non-ASCII digits": (ARRAY, "²³٣"),
}

# Not requested at all, and why.
SKIPPED = {
    "wagtailadmin_error_test": "raises an error on purpose, to test error reporting",
    "wagtailadmin_logout": "would end the superuser's session for the rest of the walk",
    "account_logout": "would end the resident's session for the rest of the walk",
}
# The pattern library is a tool of the development and test settings only (production never
# installs it), and its own rendering API expects the POST its page sends, not a crafted query.
SKIPPED_PREFIXES = {"/pattern-library/": "a third-party development tool, not served in production"}

# The walk takes minutes and its world seconds: worth a world on each worker (tests/scheduling.py).
pytestmark = [pytest.mark.django_db, pytest.mark.spread_over_workers]


def _patterns(resolver=None, prefix="", namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _patterns(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace + (pattern.name or ""), pattern.callback


def build():
    """The open-data site (consultations with comments, proposals and an outcome;
    a council's record with meetings, polls, motions and resolutions), plus an
    event with a registration, a translator and a glossary term."""
    world = open_data()
    schools = world.consultations["schools"]
    event = make_event(schools)
    resident = UserFactory(display_name="Resident")
    world.registration = Registration.objects.create(event=event, user=resident)
    world.event = event
    world.resident = resident
    world.translator = make_translator()
    world.glossary = glossary_term("konsultacje")
    world.staff = superuser()
    _rows_the_admin_edits(world)
    return world


def _rows_the_admin_edits(world):
    """A row of each model the admin's own views edit, so that their edit,
    history, usage and delete URLs reach the view rather than a 404."""
    city = official()
    today = timezone.localdate()
    term = Membership.objects.first().term
    follow_up_services.city_update_add(
        resolution=Resolution.objects.first(),
        date=today,
        status=CityStatus.ACCEPTED,
        unit="Urząd Miejski w Gdańsku",
        texts={"pl": "Miasto przyjmuje uchwałę."},
        user=city,
        today=today,
    )
    council_factories.apply(council_factories.make_call(term, published=True), world.resident)
    Substitute.objects.create(term=term, user=UserFactory(display_name="Substitute"), rank=1, public=True)
    recruitment_services.seat_vacate(
        membership=Membership.objects.filter(term=term).order_by("pk").last(),
        vacated_on=today,
        reason=Vacancy.Reason.RESIGNED,
        user=city,
    )
    WordingProposal.objects.create(
        consultation_key=world.consultations["schools"].translation_key,
        section_id="section-1",
        base_text="Szkoły zatrudnią asystentów.",
        author=world.resident,
        text="Szkoły zatrudnią asystentów międzykulturowych.",
        language="pl",
    )
    Document.objects.create(title="Regulamin", file=ContentFile(b"%PDF-1.4 regulamin", name="regulamin.pdf"))
    Image.objects.create(title="Sala", file=get_test_image_file())
    Redirect.objects.create(old_path="/stara-strona", redirect_link="/pl/")
    support_factories.service()
    world.question = support_factories.question()
    support_factories.report()
    FrequentQuestion.objects.create(question="Jak przedłużyć kartę pobytu?", answer="W urzędzie wojewódzkim.")
    starts_at = timezone.now() + datetime.timedelta(days=3)
    world.interpreting = interpreting.interpreting_request_create(
        official=city,
        source_language="pl",
        target_language="uk",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        subject="Rozmowa w MOPR",
        unit="Miejski Ośrodek Pomocy Rodzinie",
        place="ul. Leczkowa 1A",
    )


@pytest.fixture(scope="module", autouse=True)
def _media_of_its_own(tmp_path_factory):
    """The world's uploaded files, and the renditions the walk's image views make, in a folder of the walk's own."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


world = built_once_per_module(build)


def _ids(world):
    schools = world.consultations["schools"]
    comment = Comment.objects.filter(consultation_key=schools.translation_key).first()
    revision = Revision.objects.filter(object_id=str(schools.pk)).first()
    return {
        "comment": comment.pk,
        "proposal": Proposal.objects.first().pk,
        "page": schools.pk,
        "index": world.index.pk,
        "member": Membership.objects.first().pk,
        "meeting": Meeting.objects.order_by("number").first().pk,
        "poll": Poll.objects.first().pk,
        "motion": Motion.objects.exclude(state="draft").first().pk,
        "resolution": Resolution.objects.first().pk,
        "event": world.event.pk,
        "registration": world.registration.pk,
        "revision": revision.pk if revision else 1,
        "key": str(schools.translation_key),
        "question": world.question.pk,
        "interpreting": world.interpreting.pk,
    }


def _kwargs(route, name, callback, ids):
    """Real values for the path parameters of ``route`` (and None for a route
    whose parameters are a regular expression this walk does not fill)."""
    if "(?P<" in route or "^(" in route:
        return None
    # A Wagtail viewset's views get their model when the URL is made (``as_view(model=…)``).
    model = getattr(callback, "view_initkwargs", {}).get("model") or getattr(
        getattr(callback, "view_class", None), "model", None
    )
    if not isinstance(model, type):
        model = None
    by_name = {
        "council:member": ids["member"],
        "council:motion": ids["motion"],
        "council:resolution": ids["resolution"],
        "api_council_meeting": ids["meeting"],
        "api_council_poll": ids["poll"],
        "events:event": ids["event"],
        "events:register": ids["event"],
        "events:cancel": ids["registration"],
        "events_admin_event": ids["event"],
        "events_admin_meeting": ids["meeting"],
        "events_admin_decide": ids["registration"],
        "support_admin_answer": ids["question"],
    }
    values = {}
    for part in route.split("<")[1:]:
        parameter = part.split(">")[0].split(":")[-1]
        if parameter == "pk":
            if name in by_name:
                value = by_name[name]
            elif name.startswith("interpreting_admin_"):
                value = ids["interpreting"]
            elif name.startswith("council:meeting") or name.startswith("council:") and "meetings/" in route:
                value = ids["meeting"]
            elif name.startswith("council:poll") or name == "council:ballot_cast":
                value = ids["poll"]
            elif name.startswith("council:motion"):
                value = ids["motion"]
            elif name.startswith("consultations:comment") or name.startswith("consultations_moderation"):
                value = ids["comment"]
            elif name.startswith("consultations:proposal"):
                value = ids["proposal"]
            elif model is not None and model.objects.exists():
                value = model.objects.order_by("pk").first().pk
            else:
                value = ids["page"]
        else:
            value = {
                "page_id": ids["page"],
                "parent_page_id": ids["index"],
                "page_to_move_id": ids["page"],
                "destination_id": ids["index"],
                "revision_id": ids["revision"],
                "item_pk": Meeting.objects.get(pk=ids["meeting"]).agenda_items.first().pk,
                "request_pk": 1,
                "area": "education",
                "slug": "over-time",
                "fmt": "csv",
                "file_format": "csv",
                "name": "moderation",
                "listing": "comments" if "<str:key>" in route else "consultations",
                "key": ids["key"],
                "kind": "comment",
                "language": "pl",
                "action": "restore",
                "content_type_app_name": "consultations",
                "content_type_model_name": "consultationpage",
                "app_label": "consultations",
                "app_name": "consultations",
                "model_name": "comment",
                "token": "not-a-token",
                "uidb64": "MQ",
                "mode": "",
                "object_id": str(ids["page"]),
            }.get(parameter, 1)
        values[parameter] = value
    path = route
    for part in route.split("<")[1:]:
        whole = part.split(">")[0]
        path = path.replace(f"<{whole}>", urllib.parse.quote(str(values[whole.split(":")[-1]]), safe=""), 1)
    return "/" + path


def _paths(world):
    ids = _ids(world)
    paths = []
    for route, name, callback in _patterns():
        if name in SKIPPED:
            continue
        path = _kwargs(route, name, callback, ids)
        if path is None or "^" in path or path.startswith(tuple(SKIPPED_PREFIXES)):
            continue
        paths.append(path)
    # Wagtail serves the page tree at its catch-all route: a live page of each
    # type, in Polish and in Ukrainian, as a translation and as an alias (English
    # and Russian are served alike).  A page reads its query in its type's code,
    # so two pages of one type would take the same path through it.
    pages = Page.objects.live().exclude(depth=1).filter(locale__language_code__in=["pl", "uk"]).order_by("path")
    kinds = {}
    for page in pages:
        kinds.setdefault((page.content_type_id, page.locale_id, page.alias_of_id is None), page)
    paths += [page.url for page in kinds.values() if page.url]
    # Regular-expression routes, filled by hand.
    paths += [
        f"/admin/pages/{ids['page']}/revisions/compare/earliest...latest/",
        "/api/v1/nothing-here/",
        "/pl/accounts/password/reset/key/1-not-a-key/",
        "/pl/accounts/confirm-email/not-a-key/",
    ]
    return sorted(set(paths))


def _queries():
    for label, (number, text) in QUERIES.items():
        yield label, dict.fromkeys(NUMBERS, number) | dict.fromkeys(TEXTS, text)


class _Watched(QueryDict):
    """``request.GET`` as the view gets it: any use at all -- a key looked up,
    tested, listed or copied, the whole handed to a form -- marks it read."""

    def _seen(self):
        object.__setattr__(self, "read", True)

    def __getattribute__(self, name):
        if name not in {"read", "_seen", "__class__", "__dict__"}:
            object.__getattribute__(self, "_seen")()
        return super().__getattribute__(name)

    def __getitem__(self, key):
        self._seen()
        return super().__getitem__(key)

    def __contains__(self, key):
        self._seen()
        return super().__contains__(key)

    def __iter__(self):
        self._seen()
        return super().__iter__()

    def __len__(self):
        self._seen()
        return super().__len__()


class WatchQueryMiddleware:
    """Last in the chain: hands the view a ``_Watched`` copy of the query, after
    the middlewares (which read every query: they are walked with all four
    anyway) have done with it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        watched = _Watched(mutable=True)
        for key, values in request.GET.lists():
            watched.setlist(key, values)
        watched._mutable = False
        watched.read = False
        request.GET = watched


def _reads_its_query(response):
    query = getattr(response.wsgi_request, "GET", None)
    return not isinstance(query, _Watched) or query.__dict__.get("read", True)


# Each role's walk in parts, one test each, so that parallel workers share it.
PARTS = {"anonymous": 2, "resident": 2, "staff": 4}


@pytest.mark.parametrize(("role", "part"), [(role, part) for role, parts in PARTS.items() for part in range(parts)])
def test_no_url_answers_a_hostile_query_with_a_server_error(world, client, settings, role, part):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.WatchQueryMiddleware"]
    if role == "resident":
        client.force_login(world.resident)
    elif role == "staff":
        client.force_login(world.staff)
    client.raise_request_exception = False
    failures = []
    queries = list(_queries())
    for number, path in enumerate(_paths(world)[part :: PARTS[role]]):
        # Only staff get past the admin's door; the others are sent to its login page.
        if role != "staff" and path.startswith("/admin/"):
            queries_here = [("arrays", {"p": ARRAY})]
        else:
            first = number % len(queries)
            queries_here = queries[first:] + queries[:first]
        for label, query in queries_here:
            response = client.get(path, query)
            if response.status_code >= 500:
                failures.append(f"{response.status_code} {path} ({label})")
            if not _reads_its_query(response):
                break
    assert not failures, "\n".join(failures)


def test_the_walk_knows_a_view_that_reads_its_query_from_one_that_does_not(world, client, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.WatchQueryMiddleware"]
    assert _reads_its_query(client.get("/pl/search/", {"q": "szkoła"}))
    assert _reads_its_query(client.get("/api/v1/consultations/", {"status": "open"}))
    assert not _reads_its_query(client.get("/robots.txt", {"q": "szkoła"}))

"""What the benchmark needs beyond the demo: a consultation with 500 comments
(with replies, ratings and translations, as a busy one has), a signed-in
resident's session, and the addresses of the pages to measure.

Run inside Django by bench/run.py (``manage.py shell -c``); prints one JSON line."""

import datetime
import itertools
import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from consultations.models import Comment, ConsultationPage
from council.models import Meeting, Resolution

SLUG = "punkt-informacyjny-dla-migrantow"
COMMENTS = 500
TEXTS = [
    "Punkt informacyjny powinien być czynny także w soboty, bo wielu z nas pracuje w tygodniu.",
    "Потрібна консультація українською мовою щодо карти побуту та роботи.",
    "Нужна помощь с документами для детей в школе, и лучше на русском языке.",
    "Please add an online booking form; the queue by phone takes hours.",
]


def busy_consultation():
    """The demo consultation, with comments added until it has ``COMMENTS``: a
    fifth of them replies, from forty residents, spread over the last weeks."""
    page = ConsultationPage.objects.live().filter(slug=SLUG, locale__language_code="pl").first()
    page = page or ConsultationPage.objects.live().filter(locale__language_code="pl").first()
    existing = Comment.objects.filter(consultation_key=page.translation_key).count()
    users = get_user_model()
    authors = [
        users.objects.get_or_create(
            username=f"bench-resident-{n}",
            defaults={"email": f"bench{n}@example.org", "display_name": f"Mieszkanka {n}"},
        )[0]
        for n in range(40)
    ]
    now = timezone.now()
    section_ids = list(page.section_titles()) or [""]
    cycle = itertools.count()
    roots = []
    for number in range(max(0, COMMENTS - existing)):
        step = next(cycle)
        parent = roots[step % len(roots)] if roots and step % 5 == 4 else None
        comment = Comment.objects.create(
            consultation_key=page.translation_key,
            section_id=parent.section_id if parent else section_ids[step % len(section_ids)],
            parent=parent,
            author=authors[step % len(authors)],
            text=f"{TEXTS[step % len(TEXTS)]} ({number + 1})",
            language=["pl", "uk", "ru", "en"][step % 4],
            created_at=now - datetime.timedelta(minutes=30 * (COMMENTS - number)),
        )
        if parent is None:
            roots.append(comment)
    return page


def main():
    page = busy_consultation()
    resident = get_user_model().objects.get(username="resident1")
    client = Client()
    client.force_login(resident)
    meeting = Meeting.objects.order_by("-starts_at").first()
    resolution = Resolution.objects.order_by("pk").first()
    print(  # noqa: T201 - the bench reads this line
        json.dumps(
            {
                "consultation": f"/uk/consultations/{page.slug}/",
                "comments": Comment.objects.filter(consultation_key=page.translation_key).count(),
                "meeting": f"/pl/council/meetings/{meeting.pk}/",
                "resolution": f"/pl/council/resolutions/{resolution.pk}/",
                "cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
            }
        )
    )


main()

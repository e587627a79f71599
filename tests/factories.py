import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

PASSWORD = "a-Strong-test-passw0rd"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.net")
    display_name = factory.Faker("first_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        user.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


def make_consultation(
    *,
    parent=None,
    opens_at,
    closes_at,
    title="Lekcje polskiego",
    sections=("Plan", "Wsparcie"),
    areas=(),
    allow_proposals=False,
    publish=True,
    **fields,
):
    """A consultation page (and, when ``parent`` is None, an index page under the Polish home).
    With ``publish=False`` it is a draft: not live, as an official's unpublished page."""
    from cms.models import HomePage
    from consultations.models import ConsultationIndexPage, ConsultationPage
    from core.areas import ThematicArea

    if parent is None:
        home = HomePage.objects.get(locale__language_code="pl", depth=2)
        parent = home.get_children().type(ConsultationIndexPage).first()
        if parent is None:
            parent = ConsultationIndexPage(title="Konsultacje", slug="konsultacje", intro="")
            home.add_child(instance=parent)
            parent.save_revision().publish()
        parent = parent.specific
    if not publish:
        fields.setdefault("live", False)
    page = ConsultationPage(
        title=title,
        slug=fields.pop("slug", None) or f"c-{ConsultationPage.objects.count() + 1}",
        summary="<p>Krótko o konsultacji.</p>",
        sections=[{"type": "section", "value": {"title": name, "body": f"<p>{name}.</p>"}} for name in sections],
        opens_at=opens_at,
        closes_at=closes_at,
        allow_proposals=allow_proposals,
        **fields,
    )
    parent.add_child(instance=page)
    if areas:
        page.areas.set(ThematicArea.objects.filter(code__in=areas))
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ConsultationPage.objects.get(pk=page.pk)


def admin_login(client, username, language="en"):
    """Logs ``username`` in with the Wagtail admin in ``language`` (the admin
    otherwise speaks the site's default, Polish)."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.get(username=username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def comment_url(consultation):
    """Where the comment form of ``consultation`` posts, in the page's language."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(consultation.locale.language_code):
        return reverse("consultations:comment_create", args=[consultation.pk])

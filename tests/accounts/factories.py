"""People: residents, staff in their groups, and logging them into the admin."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.groups import FACILITATORS, MODERATORS, OFFICIALS, PARTNERS
from accounts.models import User

PASSWORD = "a-Strong-test-passw0rd"


class UserFactory(factory.django.DjangoModelFactory):
    """A resident with a verified e-mail address (``verified=False`` for one without)."""

    class Meta:
        model = User
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


def member_of(group_name, **fields):
    """A person in one of the staff groups (which ``migrate`` creates)."""
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def official(**fields):
    return member_of(OFFICIALS, **{"display_name": "Urzędniczka Anna", **fields})


def moderator(**fields):
    return member_of(MODERATORS, **{"display_name": "Moderator Piotr", **fields})


def facilitator(**fields):
    return member_of(FACILITATORS, **{"display_name": "Katarzyna (Centrum Integracji)", **fields})


def partner(**fields):
    return member_of(PARTNERS, **{"display_name": "Fundacja", **fields})


def superuser(**fields):
    return UserFactory(is_superuser=True, is_staff=True, **{"display_name": "Administrator", **fields})


def admin_login(client, user, language="en"):
    """Logs ``user`` in with the Wagtail admin in ``language`` (the admin
    otherwise speaks the site's default, Polish)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client

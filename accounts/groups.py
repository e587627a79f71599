"""The staff groups, with their Wagtail permissions, kept after every migrate.

*Officials* work in the Wagtail admin: they edit, publish and translate pages
and manage images and documents.  *Moderators* enter the admin to review what
residents write; later features add their own permissions to the group.
*Facilitators* enter comments on behalf of residents who gave their consent.
*Partners* (partner organisations) issue invitation codes.
*Case workers* read and handle the confidential reports of discrimination and
hate incidents; nobody else is given that permission, officials included.
Wagtail's first migration also makes a "Moderators" group, with the right to
publish pages; ours does not edit pages, so those page rights are taken away.
The groups are defined here, in code: running this again changes nothing.
"""

import logging

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

logger = logging.getLogger(__name__)

OFFICIALS = "Officials"
MODERATORS = "Moderators"
FACILITATORS = "Facilitators"
PARTNERS = "Partners"
CASE_WORKERS = "Case workers"

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "delete_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
GROUP_PERMISSIONS = {
    OFFICIALS: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("wagtailcore", "view_locale"),
        ("consultations", "moderate_comment"),
        ("consultations", "answer_as_city"),
        ("consultations", "view_proposal"),
        ("consultations", "change_proposal"),
        ("consultations", "view_wordingproposal"),
        ("consultations", "change_wordingproposal"),
        *[
            ("council", f"{action}_{model}")
            for model in ("term", "membership", "meeting")
            for action in ("add", "change", "delete", "view")
        ],
        # The city's answers to resolutions are recorded, corrected and read, never deleted.
        *[("council", f"{action}_cityresponseupdate") for action in ("add", "change", "view")],
        *[("opendata", f"{action}_indicator") for action in ("add", "change", "delete", "view")],
        *[
            ("cms", f"{action}_{model}")
            for model in ("modeltask", "organisation")
            for action in ("add", "change", "delete", "view")
        ],
        *[("plainlanguage", f"{action}_glossaryterm") for action in ("add", "change", "delete", "view")],
        *[("translators", f"{action}_translator") for action in ("change", "delete", "view")],
        ("translators", "assign_interpreter"),
        *[("events", f"{action}_event") for action in ("add", "change", "delete", "view")],
        ("events", "view_registration"),
        ("events", "view_accessrequest"),
        ("events", "change_accessrequest"),
        *[("support", f"{action}_service") for action in ("add", "change", "delete", "view")],
        *[("support", f"{action}_frequentquestion") for action in ("add", "change", "delete", "view")],
        ("support", "view_question"),
        ("support", "answer_question"),
    ],
    MODERATORS: [
        ("wagtailadmin", "access_admin"),
        ("consultations", "moderate_comment"),
        ("consultations", "view_wordingproposal"),
        ("consultations", "change_wordingproposal"),
    ],
    # Staff of the information centre and of partner organisations who type in
    # comments collected on paper, by phone or in workshops.
    # They work on the public site, not in the admin.
    FACILITATORS: [("consultations", "enter_for_resident")],
    # Partner organisations issue invitation codes to people without an e-mail
    # address, on /<lang>/accounts/invitations/issue/.
    PARTNERS: [("accounts", "add_invitationcode"), ("accounts", "view_invitationcode")],
    # Reports of discrimination are confidential: this group alone sees them.
    CASE_WORKERS: [("wagtailadmin", "access_admin"), ("support", "view_report"), ("support", "change_report")],
}
# Officials may issue codes on a partner organisation's behalf.
GROUP_PERMISSIONS[OFFICIALS] += [
    ("accounts", "add_invitationcode"),
    ("accounts", "view_invitationcode"),
    ("accounts", "change_invitationcode"),  # see and withdraw every organisation's codes
]
# Officials keep the council's membership over time: calls for candidates and
# substitutes; they decide on applications (never write or delete them) and
# record vacated seats (never deleted: they are part of the council's record).
GROUP_PERMISSIONS[OFFICIALS] += [
    *[
        ("council", f"{action}_{model}")
        for model in ("candidatecall", "substitute")
        for action in ("add", "change", "delete", "view")
    ],
    ("council", "change_candidacy"),
    ("council", "view_candidacy"),
    *[("council", f"{action}_vacancy") for action in ("add", "change", "view")],
]


def ensure_staff_groups(*, using=DEFAULT_DB_ALIAS, verbosity=0, **kwargs):
    for label in (
        "accounts",
        "wagtailadmin",
        "wagtailcore",
        "wagtail_localize",
        "wagtailimages",
        "wagtaildocs",
        "cms",
        "consultations",
        "council",
        "opendata",
        "plainlanguage",
        "translators",
        "events",
        "support",
    ):
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using)

    def permission(app_label, codename):
        found = Permission.objects.using(using).filter(content_type__app_label=app_label, codename=codename).first()
        if found is None:
            # Some permissions are made by their app's migrations, not by its models;
            # a test flush removes them until the next migrate.
            logger.warning("Permission %s.%s does not exist; not granted.", app_label, codename)
        return found

    groups = {}
    for name, perms in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*filter(None, (permission(app, code) for app, code in perms)))
        groups[name] = group

    GroupPagePermission.objects.using(using).filter(group=groups[MODERATORS]).delete()
    officials = groups[OFFICIALS]
    root_page = Page.get_first_root_node()
    if root_page is not None:
        for codename in PAGE_PERMISSIONS:
            if (found := permission("wagtailcore", codename)) is None:
                continue
            GroupPagePermission.objects.using(using).get_or_create(group=officials, page=root_page, permission=found)
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for app_label, codenames in COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                if (found := permission(app_label, codename)) is None:
                    continue
                GroupCollectionPermission.objects.using(using).get_or_create(
                    group=officials, collection=root_collection, permission=found
                )
    return groups

"""The frame of every page (menu, footer, breadcrumbs, language links) is kept
in the cache (``cms.navigation``); whatever changes which pages are live, where
they stand, what they are called or who may see them gives it a new version."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import cache as fragments

from .navigation import PAGES


def pages_changed(**kwargs):
    fragments.bump(PAGES)


for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(pages_changed, dispatch_uid=f"rada-navigation-{signal}")
for model in (PageViewRestriction, Site):
    post_delete.connect(pages_changed, sender=model, dispatch_uid=f"rada-navigation-deleted-{model.__name__}")
for model in (PageViewRestriction, Site):
    post_save.connect(pages_changed, sender=model, dispatch_uid=f"rada-navigation-saved-{model.__name__}")


@receiver(post_save, dispatch_uid="rada-navigation-saved")
@receiver(post_delete, dispatch_uid="rada-navigation-deleted")
def saved(sender, instance, **kwargs):
    """A page saved outside a publication (``live`` set in code, a title changed
    by a script, a page created) counts too."""
    if isinstance(instance, Page):
        pages_changed()

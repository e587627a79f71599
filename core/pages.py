"""What every Wagtail page of the site shares."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from . import cache as fragments
from .language import language_code

# The version of the page tree's rows as routing and view restrictions read them:
# any write to these tables renews it (CoreConfig.ready), whichever code sends it.
PAGE_ROWS = "page-rows"
PAGE_TABLES = (
    "wagtailcore_page",
    "wagtailcore_pageviewrestriction",
    "wagtailcore_pageviewrestriction_groups",
    "wagtailcore_site",
    "wagtailcore_locale",
)


def page_rows_changed():
    fragments.bump(PAGE_ROWS)


def public_child(parent, model):
    """The first live child of ``parent`` of type ``model`` that no view restriction
    covers (Wagtail's ``model.objects.live().public().child_of(parent).first()``), or
    None.  Which one it is (most often none) is kept under :data:`PAGE_ROWS`: a
    page asks on every request (its outcome, its easy-read version)."""
    (version,) = fragments.versions(PAGE_ROWS)

    def find():
        return model.objects.live().public().child_of(parent).order_by("path").values_list("pk", flat=True).first() or 0

    pk = fragments.fragment(("public-child", parent.pk, parent.path, model._meta.label, version), find)
    return model.objects.filter(pk=pk).first() if pk else None


class RadaPage(Page):
    """A short plain-language introduction, and the language its content is written in."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two plain sentences shown under the title and in listings."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's query of the restrictions on this page and its ancestors,
        or none at all, without a query, while the cache knows there are none:
        most pages have none, and Wagtail asks on every request (before serving
        the page), as do the consultations' permissions.  Whether there are any
        is kept per page and place in the tree under :data:`PAGE_ROWS`."""
        if self.pk is None:
            return super().get_view_restrictions()
        if getattr(self, "_rada_unrestricted", None) is None:
            (version,) = fragments.versions(PAGE_ROWS)
            key = ("unrestricted", self.pk, self.path, self.alias_of_id, version)
            self._rada_unrestricted = fragments.fragment(
                key, lambda: not super(RadaPage, self).get_view_restrictions().exists()
            )
        return PageViewRestriction.objects.none() if self._rada_unrestricted else super().get_view_restrictions()

    @cached_property
    def content_language(self):
        """The language the text is written in.

        An untranslated page appears in other locales as an alias of the
        original; its text stays in the original's language, which the
        template marks with ``lang`` so that screen readers pronounce it right.
        """
        if self.alias_of_id:
            return language_code(Page.objects.filter(pk=self.alias_of_id).values_list("locale_id", flat=True).first())
        return language_code(self.locale_id)

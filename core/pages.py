"""What every Wagtail page of the site shares."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from .language import language_code


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

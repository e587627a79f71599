"""The glossary of city terms and easy-read versions of consultations and outcomes.

**Glossary terms are a translatable snippet** (wagtail-localize's
``TranslatableMixin``), not a model with one column per language.  Content
that officials write is translated in this repository with wagtail-localize
(pages, and now terms), through the same "Translate" screen, translation
memory and workflow; the per-language columns of ``opendata.Indicator`` are
for one short label, whereas a term has a headword, forms to find in texts and
an explanation, which a translator should see side by side with the Polish.
Each language's entry therefore holds its own headword and its own forms
(Ukrainian declension is not Polish declension); the ``slug`` that anchors the
term on the glossary page is synchronised, so ``#term-karta-pobytu`` means the
same entry in every language.  A term not yet translated is shown from its
Polish original, marked ``lang="pl"``.

**An easy-read version is a page** below the consultation or outcome it
explains, so that it is drafted, previewed, published, aliased into the other
languages and translated exactly like the page above it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import RadaPage

EXPLANATION_MAX_LENGTH = 600

# Letters slugify() would drop instead of transliterating.
_TRANSLITERATE = str.maketrans({"ł": "l", "Ł": "L"})


def term_slug(text):
    return slugify(text.translate(_TRANSLITERATE))[:80].strip("-")


class GlossaryTerm(TranslatableMixin, models.Model):
    """A word residents meet at city offices, explained in plain words."""

    term = models.CharField(
        _("term"),
        max_length=120,
        help_text=_("As residents meet it, usually in Polish: “karta pobytu”, “PESEL”."),
    )
    forms = models.TextField(
        _("other forms"),
        blank=True,
        help_text=_(
            "Other spellings and declined forms to find in texts, one per line: “karty pobytu”, "
            "“kartę pobytu”. Forms written in capitals (PESEL, NFZ) are found only in capitals."
        ),
    )
    explanation = models.TextField(
        _("short explanation"),
        max_length=EXPLANATION_MAX_LENGTH,
        help_text=_("One to three short, plain sentences."),
    )
    source_url = models.URLField(_("official source"), blank=True, help_text=_("A page of the office that decides."))
    slug = models.SlugField(
        _("anchor"),
        max_length=80,
        blank=True,
        allow_unicode=False,
        help_text=_("The address of the term on the glossary page; made from the term when left empty."),
    )

    panels = [FieldPanel("term"), FieldPanel("forms"), FieldPanel("explanation"), FieldPanel("source_url")]
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("forms"),
        TranslatableField("explanation"),
        SynchronizedField("source_url", overridable=True),
        SynchronizedField("slug", overridable=False),
    ]
    search_fields = [index.SearchField("term"), index.SearchField("forms"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="glossary_term_slug_per_locale")]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = term_slug(self.term)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.slug and not term_slug(self.term):
            raise ValidationError({"term": _("The term needs at least one letter or digit.")})

    @property
    def anchor(self):
        return f"term-{self.slug}"

    def match_forms(self):
        """The headword and every other form, without blanks or repeats."""
        seen, result = set(), []
        for form in [self.term, *self.forms.splitlines()]:
            form = " ".join(form.split())
            if form and form not in seen:
                seen.add(form)
                result.append(form)
        return result


class PictureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Picture"))
    alt_text = blocks.CharBlock(
        label=_("What the picture shows"),
        max_length=250,
        help_text=_("Read aloud to people who cannot see it. In easy read pictures carry meaning, so it is needed."),
    )

    class Meta:
        icon = "image"
        label = _("Picture")
        template = "plainlanguage/blocks/picture_block.html"


class EasyReadPage(RadaPage):
    """The easy-read version of a consultation or an outcome: short sentences, pictures.

    It is a child of the page it explains (at most one per page), so officials
    find it in the page tree beside the full text, and wagtail-localize aliases
    and translates it with that page.  The full page links to it near its top
    (``plainlanguage/includes/easy_read_link.html``); it links back to the full
    version and, in ``<head>``, names the full version as its ``rel="up"``
    parent.  It stays indexable: it is a page of its own, not a copy.
    """

    body = StreamField(
        [
            (
                "paragraph",
                blocks.RichTextBlock(label=_("Paragraph"), features=["bold", "ul", "ol", "link"], icon="pilcrow"),
            ),
            ("picture", PictureBlock()),
        ],
        verbose_name=_("easy-read text"),
        help_text=_("One idea per paragraph, short sentences, a picture beside each idea where it helps."),
    )

    content_panels = [*RadaPage.content_panels, FieldPanel("body")]
    search_fields = [*RadaPage.search_fields, index.SearchField("body")]
    parent_page_types = ["consultations.ConsultationPage", "consultations.OutcomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("easy-read version")
        verbose_name_plural = _("easy-read versions")

    def full_version(self):
        """The consultation or outcome this page explains."""
        return self.get_parent().specific

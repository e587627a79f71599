from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .areas import Area

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Leave empty if it is decorative."),
        required=False,
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "cms/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(label=_("Source"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/document_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of ordinary content pages."""

    heading = blocks.CharBlock(
        label=_("Section heading"), form_classname="title", template="cms/blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    document = DocumentBlock(label=_("Document"))


class ValueBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Value"), max_length=120)
    description = blocks.TextBlock(label=_("Description"))

    class Meta:
        icon = "pick"


class TaskBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Task"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)


class TaskGroupBlock(blocks.StructBlock):
    area = blocks.ChoiceBlock(
        label=_("Thematic area"),
        choices=Area.choices,
        required=False,
        help_text=_("Leave empty for tasks that cross all areas."),
    )
    tasks = blocks.ListBlock(TaskBlock(label=_("Task")), label=_("Tasks"))

    class Meta:
        icon = "list-ul"


class MilestoneBlock(blocks.StructBlock):
    date = blocks.RegexBlock(
        label=_("When"),
        regex=r"^\d{4}(-\d{2})?$",
        error_messages={"invalid": _("Enter a year (2016) or a year and month (2016-06).")},
        help_text=_("A year (2016) or a year and month (2016-06)."),
    )
    title = blocks.CharBlock(label=_("What happened"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "date"

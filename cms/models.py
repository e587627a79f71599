"""The site's own pages: home, the Integration Model, thematic areas, news,
ordinary content, the accessibility statement and contact."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from consultations.selectors import area_consultations, area_followed, open_consultations
from core.areas import Area, ThematicArea  # noqa: F401 - its table is the cms app's (see core.areas)
from core.blocks import RICH_TEXT_FEATURES, BodyBlock, MilestoneBlock, TaskGroupBlock, ValueBlock
from core.pages import RadaPage
from council.selectors import home_summary

NEWS_PER_PAGE = 10


class HomePage(RadaPage):
    hero_title = models.CharField(_("headline"), max_length=160)
    vision = RichTextField(_("vision"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*RadaPage.content_panels, FieldPanel("hero_title"), FieldPanel("vision")]
    search_fields = [*RadaPage.search_fields, index.SearchField("hero_title"), index.SearchField("vision")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.IntegrationModelPage",
        "cms.NewsIndexPage",
        "cms.ContentPage",
        "cms.AccessibilityStatementPage",
        "cms.ContactPage",
        "consultations.ConsultationIndexPage",
        "council.CouncilPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsPage.objects.live().public().descendant_of(self).order_by("-date", "-pk")[:3]
        context["areas"] = ThematicAreaPage.objects.live().public().descendant_of(self).order_by("path")
        context["open_consultations"] = open_consultations(home=self, now=timezone.now())
        context.update(home_summary(today=timezone.localdate()))
        return context


class IntegrationModelPage(RadaPage):
    """The Gdańsk Immigrant Integration Model: vision, values, tasks, history."""

    vision = RichTextField(_("vision"), features=RICH_TEXT_FEATURES, blank=True)
    values = StreamField([("value", ValueBlock())], verbose_name=_("values and principles"), blank=True)
    tasks = StreamField([("task_group", TaskGroupBlock())], verbose_name=_("map of tasks"), blank=True)
    timeline = StreamField([("milestone", MilestoneBlock())], verbose_name=_("timeline"), blank=True)

    content_panels = [
        *RadaPage.content_panels,
        FieldPanel("vision"),
        FieldPanel("values"),
        FieldPanel("tasks"),
        FieldPanel("timeline"),
    ]
    search_fields = [
        *RadaPage.search_fields,
        index.SearchField("vision"),
        index.SearchField("values"),
        index.SearchField("tasks"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ThematicAreaPage"]

    class Meta:
        verbose_name = _("integration model page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        areas = ThematicAreaPage.objects.live().public().child_of(self).order_by("path")
        context["areas"] = areas
        area_pages = {page.area: page for page in areas}
        context["task_groups"] = [
            {
                "page": area_pages.get(block.value["area"]),
                "label": Area(block.value["area"]).label if block.value["area"] else None,
                "tasks": block.value["tasks"],
            }
            for block in self.tasks
        ]
        return context


class ThematicAreaPage(RadaPage):
    """One of the eight areas of the Model.  Its slug is the area code."""

    area = models.CharField(_("thematic area"), max_length=32, choices=Area.choices)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*RadaPage.content_panels, FieldPanel("area"), FieldPanel("body")]
    search_fields = [*RadaPage.search_fields, index.SearchField("body"), index.FilterField("area")]
    parent_page_types = ["cms.IntegrationModelPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("thematic area page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sibling_areas"] = self.get_siblings(inclusive=False).live().public().order_by("path")
        context["consultations"] = area_consultations(area_page=self, now=timezone.now())
        context["following_area"] = area_followed(user=request.user, area=self.area)
        return context

    def clean(self):
        super().clean()
        clash = ThematicAreaPage.objects.filter(area=self.area, locale_id=self.locale_id).exclude(pk=self.pk).exists()
        if clash:
            raise ValidationError({"area": _("This area already has a page in this language.")})


class NewsIndexPage(RadaPage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.live().public().child_of(self).order_by("-date", "-pk")
        context["news"] = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class NewsPage(RadaPage):
    date = models.DateField(_("date"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*RadaPage.content_panels, FieldPanel("date"), FieldPanel("body")]
    search_fields = [*RadaPage.search_fields, index.SearchField("body"), index.FilterField("date")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")


class ContentPage(RadaPage):
    """An ordinary page of text, such as the council's statute."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*RadaPage.content_panels, FieldPanel("body")]
    search_fields = [*RadaPage.search_fields, index.SearchField("body")]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class AccessibilityStatementPage(RadaPage):
    """The accessibility statement that Polish public bodies must publish
    (Act of 4 April 2019 on digital accessibility), in its required parts."""

    class Compliance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    published_on = models.DateField(_("site published on"))
    updated_on = models.DateField(_("site last updated on"))
    compliance = models.CharField(_("compliance status"), max_length=10, choices=Compliance.choices)
    compliance_details = RichTextField(_("compliance and exceptions"), features=RICH_TEXT_FEATURES)
    preparation = RichTextField(_("preparation of the statement"), features=RICH_TEXT_FEATURES)
    feedback = RichTextField(_("feedback and contact"), features=RICH_TEXT_FEATURES)
    enforcement = RichTextField(_("enforcement procedure"), features=RICH_TEXT_FEATURES)
    architecture = RichTextField(_("architectural accessibility"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *RadaPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("published_on"), FieldPanel("updated_on"), FieldPanel("compliance")],
            heading=_("Status"),
        ),
        FieldPanel("compliance_details"),
        FieldPanel("preparation"),
        FieldPanel("feedback"),
        FieldPanel("enforcement"),
        FieldPanel("architecture"),
    ]
    search_fields = [*RadaPage.search_fields, index.SearchField("compliance_details"), index.SearchField("feedback")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("accessibility statement")


class ContactPage(RadaPage):
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    hours = models.CharField(_("office hours"), max_length=200, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *RadaPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("hours")],
            heading=_("How to reach us"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*RadaPage.search_fields, index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")

    @property
    def phone_uri(self):
        return "tel:" + "".join(ch for ch in self.phone if ch in "0123456789+")

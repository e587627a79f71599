"""The site's own pages: home, the Integration Model, thematic areas, news,
ordinary content, the accessibility statement and contact."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from consultations.selectors import area_consultations, area_followed
from core.areas import Area, ThematicArea  # noqa: F401 - its table is the cms app's (see core.areas)
from core.blocks import RICH_TEXT_FEATURES, BodyBlock, MilestoneBlock, TaskGroupBlock, ValueBlock
from core.language import current_language
from core.pages import RadaPage

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
        context["tasks"] = ModelTask.objects.listed().filter(areas__code=self.area)
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


# --- the Model's tasks as records ------------------------------------------------------------
#
# A task of the Integration Model is one record, whatever the language: its
# texts are written in each site language beside each other (as indicators'
# names and members' bios are), so its areas, links, dates and notes exist
# once and its id and address are the same for every reader.

LANGUAGE_CODES = ("pl", "en", "uk", "ru")  # the languages the fields below are written in
TASK_TITLE_MAX_LENGTH = 200
TASK_SUMMARY_MAX_LENGTH = 2000
TASK_NOTE_MAX_LENGTH = 4000
ORGANISATION_NAME_MAX_LENGTH = 200


def in_language(record, stem):
    """(text, language) of field ``stem`` in the reader's language, else in Polish."""
    code = current_language()
    text = getattr(record, f"{stem}_{code}", "")
    return (text, code) if text else (getattr(record, f"{stem}_pl"), "pl")


def _language_panels(stem, heading):
    return MultiFieldPanel([FieldPanel(f"{stem}_{code}") for code in LANGUAGE_CODES], heading=heading)


class Organisation(models.Model):
    """A city unit or a partner organisation that leads or takes part in tasks."""

    class Kind(models.TextChoices):
        CITY_UNIT = "city_unit", _("City unit")
        PARTNER = "partner", _("Partner organisation")

    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name_pl = models.CharField(_("name in Polish"), max_length=ORGANISATION_NAME_MAX_LENGTH)
    name_en = models.CharField(_("name in English"), max_length=ORGANISATION_NAME_MAX_LENGTH, blank=True)
    name_uk = models.CharField(_("name in Ukrainian"), max_length=ORGANISATION_NAME_MAX_LENGTH, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=ORGANISATION_NAME_MAX_LENGTH, blank=True)

    panels = [FieldPanel("slug"), FieldPanel("kind"), _language_panels("name", _("Name"))]

    class Meta:
        ordering = ["name_pl", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("city units and partner organisations")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return in_language(self, "name")[0]

    @property
    def name_language(self):
        return in_language(self, "name")[1]


class TaskStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


# How lists order tasks: what is being done first, then what is coming, then what has ended.
TASK_STATUS_ORDER = [TaskStatus.IN_PROGRESS, TaskStatus.PLANNED, TaskStatus.DONE, TaskStatus.DROPPED]


class ModelTaskQuerySet(models.QuerySet):
    def in_list_order(self):
        rank = models.Case(
            *[models.When(status=status, then=models.Value(i)) for i, status in enumerate(TASK_STATUS_ORDER)],
            output_field=models.IntegerField(),
        )
        return self.annotate(status_rank=rank).order_by("status_rank", "sort_order", "title_pl", "pk")

    def listed(self):
        """In list order, with what a task's card shows: its lead and areas."""
        return self.select_related("lead").prefetch_related("areas", "partners").in_list_order()


class ModelTask(ClusterableModel):
    """One task of the Model's map: who leads it, in which areas, how far it has got."""

    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    title_pl = models.CharField(_("title in Polish"), max_length=TASK_TITLE_MAX_LENGTH)
    title_en = models.CharField(_("title in English"), max_length=TASK_TITLE_MAX_LENGTH, blank=True)
    title_uk = models.CharField(_("title in Ukrainian"), max_length=TASK_TITLE_MAX_LENGTH, blank=True)
    title_ru = models.CharField(_("title in Russian"), max_length=TASK_TITLE_MAX_LENGTH, blank=True)
    summary_pl = models.TextField(_("summary in Polish"), max_length=TASK_SUMMARY_MAX_LENGTH)
    summary_en = models.TextField(_("summary in English"), max_length=TASK_SUMMARY_MAX_LENGTH, blank=True)
    summary_uk = models.TextField(_("summary in Ukrainian"), max_length=TASK_SUMMARY_MAX_LENGTH, blank=True)
    summary_ru = models.TextField(_("summary in Russian"), max_length=TASK_SUMMARY_MAX_LENGTH, blank=True)
    areas = models.ManyToManyField(
        ThematicArea,
        verbose_name=_("thematic areas"),
        related_name="model_tasks",
        blank=True,
        help_text=_("Leave empty for a task that serves all the areas."),
    )
    lead = models.ForeignKey(Organisation, verbose_name=_("lead"), on_delete=models.PROTECT, related_name="led_tasks")
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partners"), related_name="partner_tasks", blank=True
    )
    status = models.CharField(_("status"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.PLANNED)
    starts_on = models.DateField(_("started on (or planned start)"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    ended_on = models.DateField(
        _("done or dropped on"), null=True, blank=True, help_text=_("Only for a task that is done or dropped.")
    )
    indicators = models.ManyToManyField(
        "opendata.Indicator", verbose_name=_("indicators"), related_name="model_tasks", blank=True
    )
    consultations = models.ManyToManyField(
        "consultations.ConsultationPage",
        verbose_name=_("consultations"),
        related_name="model_tasks",
        blank=True,
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text=_("The consultations in the default language; readers see them in theirs."),
    )
    resolutions = models.ManyToManyField(
        "council.Resolution", verbose_name=_("council resolutions"), related_name="model_tasks", blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ModelTaskQuerySet.as_manager()

    panels = [
        FieldPanel("slug"),
        _language_panels("title", _("Title")),
        _language_panels("summary", _("Summary")),
        MultiFieldPanel(
            [FieldPanel("areas", widget=forms.CheckboxSelectMultiple), FieldPanel("lead"), FieldPanel("partners")],
            heading=_("Areas and who carries it out"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("planned_end"), FieldPanel("ended_on")]),
            ],
            heading=_("Status and dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("indicators"), FieldPanel("consultations"), FieldPanel("resolutions")],
            heading=_("Links"),
        ),
        InlinePanel("notes", heading=_("Progress notes"), label=_("progress note")),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "title_pl", "pk"]
        verbose_name = _("task of the Model")
        verbose_name_plural = _("tasks of the Model")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["done", "dropped"], ended_on__isnull=False)
                | models.Q(status__in=["planned", "in_progress"], ended_on__isnull=True),
                name="model_task_ended_on_matches_status",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["in_progress", "done"]) | models.Q(starts_on__isnull=False),
                name="model_task_started_has_start",
            ),
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("starts_on")),
                name="model_task_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(planned_end__isnull=True)
                | models.Q(planned_end__gte=models.F("starts_on")),
                name="model_task_planned_end_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("tasks:detail", args=[self.slug])

    @property
    def title(self):
        return in_language(self, "title")[0]

    @property
    def title_language(self):
        return in_language(self, "title")[1]

    @property
    def summary(self):
        return in_language(self, "summary")[0]

    @property
    def summary_language(self):
        return in_language(self, "summary")[1]

    def clean(self):
        super().clean()
        errors = {}
        ended = self.status in (TaskStatus.DONE, TaskStatus.DROPPED)
        if ended and self.ended_on is None:
            errors["ended_on"] = _("Give the day the task was done or dropped.")
        if not ended and self.ended_on is not None:
            errors["ended_on"] = _("Only a task that is done or dropped has an end day; leave it empty.")
        if self.status in (TaskStatus.IN_PROGRESS, TaskStatus.DONE) and self.starts_on is None:
            errors["starts_on"] = _("Give the day the task started.")
        if self.starts_on and self.ended_on and self.ended_on < self.starts_on:
            errors.setdefault("ended_on", _("A task cannot end before it starts."))
        if self.starts_on and self.planned_end and self.planned_end < self.starts_on:
            errors["planned_end"] = _("The planned end must come after the start.")
        if errors:
            raise ValidationError(errors)


class TaskNote(Orderable):
    """A dated note on how a task is going, written in each site language."""

    task = ParentalKey(ModelTask, on_delete=models.CASCADE, related_name="notes")
    written_on = models.DateField(_("date"))
    text_pl = models.TextField(_("note in Polish"), max_length=TASK_NOTE_MAX_LENGTH)
    text_en = models.TextField(_("note in English"), max_length=TASK_NOTE_MAX_LENGTH, blank=True)
    text_uk = models.TextField(_("note in Ukrainian"), max_length=TASK_NOTE_MAX_LENGTH, blank=True)
    text_ru = models.TextField(_("note in Russian"), max_length=TASK_NOTE_MAX_LENGTH, blank=True)

    panels = [FieldPanel("written_on"), *[FieldPanel(f"text_{code}") for code in LANGUAGE_CODES]]

    class Meta(Orderable.Meta):
        ordering = ["-written_on", "-pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self):
        return f"{self.written_on}: {self.text[:60]}"

    @property
    def text(self):
        return in_language(self, "text")[0]

    @property
    def text_language(self):
        return in_language(self, "text")[1]

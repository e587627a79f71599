"""The council's records in every language: the translations the author or
the secretary writes, the other languages a record is in, and the minutes and
resolutions as PDF files in the language of the address."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, translate_url
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from core.errors import RuleBroken
from core.language import current_language
from core.ratelimit import allow, client_address, too_many_requests, window_left

from . import pdf, permissions, selectors, translation_services, translations
from .forms import RecordTranslationsForm

PDFS_PER_MINUTE = 20
PDF_CACHE_SECONDS = 600


def _found(item):
    if item is None:
        raise Http404
    return item


def _language_name(code):
    return get_language_info(code)["name_translated"]


def record_languages(request, record, *, translations_url, pdf_url=None):
    """What a record's page says about its language: the translation shown
    (who made it and when), the other languages it can be read in (links to
    the same page in each), its PDF, and the link to write translations."""
    reader = current_language()
    return {
        "shown": record.shown,
        "reader_language": reader,
        "original_name": _language_name(record.language),
        "other_languages": [
            {"code": code, "name": get_language_info(code)["name_local"], "url": translate_url(request.path, code)}
            for code in translations.languages_of(record)
            if code != reader
        ],
        "can_translate": permissions.can_translate_record(request.user, record),
        "translations_url": translations_url,
        "pdf_url": pdf_url,
    }


# --- the author's and the secretary's translations ---------------------------------


def _translations_edit(request, record, *, heading, back):
    if not permissions.can_translate_record(request.user, record):
        messages.error(
            request, _("Only the author of the motion or the council's secretary translates this record here.")
        )
        return redirect(back)
    form = RecordTranslationsForm(request.POST or None, record=record)
    if request.method == "POST" and form.is_valid():
        try:
            for language, title, text in form.translations():
                translation_services.record_translation_save(
                    record=record, user=request.user, language=language, title=title, text=text
                )
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The translations are saved."))
            return redirect(back)
    context = {
        "form": form,
        "record": record,
        "heading": heading,
        "back": back,
        "original_name": _language_name(record.language),
        "council_page": selectors.council_page(),
    }
    return TemplateResponse(request, "council/record_translations.html", context, status=400 if form.errors else 200)


@login_required
def motion_translations(request, pk):
    motion = _found(selectors.motion(pk))
    if not permissions.can_view_motion(request.user, motion):
        raise Http404
    return _translations_edit(request, motion, heading=motion.label, back=motion.get_absolute_url())


@login_required
def resolution_translations(request, pk):
    resolution = _found(selectors.resolution(pk))
    return _translations_edit(request, resolution, heading=resolution.label, back=resolution.get_absolute_url())


@login_required
def minutes_translations(request, pk):
    meeting = _found(selectors.meeting(pk))
    minutes = _found(selectors.minutes_of(meeting))
    return _translations_edit(request, minutes, heading=str(minutes), back=reverse("council:minutes", args=[pk]))


# --- PDF files --------------------------------------------------------------------------


def _pdf(request, *, name, template, context, record, page_url):
    """The PDF of ``record`` in the reader's language, made once per version
    (the text shown and when it last changed) and kept a while; made at most
    ``PDFS_PER_MINUTE`` times a minute per address, as making one is work."""
    shown = context["shown"]
    version = hashlib.sha256(
        "\x00".join(
            [
                shown.language,
                shown.title,
                shown.text,
                str(getattr(record, "updated_at", "")),
                str(shown.translation and shown.translation.translated_at),
            ]
        ).encode()
    ).hexdigest()[:24]
    key = f"council-pdf:{name}:{current_language()}:{version}"
    content = cache.get(key)
    if content is None:
        if not allow(f"council-pdf:{client_address(request)}", limit=PDFS_PER_MINUTE, seconds=60):
            return too_many_requests(request, retry_after=window_left(60))
        context.update(
            original_name=_language_name(record.language),
            url=request.build_absolute_uri(page_url),
        )
        content = pdf.render_pdf(template, context)
        cache.set(key, content, PDF_CACHE_SECONDS)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}-{current_language()}.pdf"'
    response["Content-Language"] = shown.language
    return response


def resolution_pdf(request, pk):
    resolution = _found(selectors.resolution(pk))
    context = {"resolution": resolution, "shown": resolution.shown, "poll": selectors.resolution_vote(resolution)}
    name = f"resolution-{resolution.term.number}-{resolution.number}"
    return _pdf(
        request,
        name=name,
        template="council/pdf/resolution.html",
        context=context,
        record=resolution,
        page_url=resolution.get_absolute_url(),
    )


def minutes_pdf(request, pk):
    meeting = _found(selectors.meeting(pk))
    minutes = _found(selectors.minutes_of(meeting))
    if not minutes.is_published and not permissions.can_write_minutes(request.user, meeting):
        raise Http404
    context = selectors.meeting_record(meeting)
    context.update(minutes=minutes, shown=minutes.shown)
    name = f"minutes-{meeting.term.number}-{meeting.number}"
    return _pdf(
        request,
        name=name,
        template="council/pdf/minutes.html",
        context=context,
        record=minutes,
        page_url=reverse("council:minutes", args=[meeting.pk]),
    )

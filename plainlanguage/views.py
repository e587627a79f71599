"""The public glossary page: every term in the reader's language, A to Z."""

from django.shortcuts import render

from core.language import current_language

from .glossary import glossary_for


def glossary(request):
    letters = glossary_for(language=current_language())
    return render(request, "plainlanguage/glossary.html", {"letters": letters})

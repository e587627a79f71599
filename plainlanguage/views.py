"""The public glossary page: every term in the reader's language, A to Z."""

from django.shortcuts import render
from django.utils.translation import get_language

from .glossary import glossary_for


def glossary(request):
    letters = glossary_for(language=get_language())
    return render(request, "plainlanguage/glossary.html", {"letters": letters})

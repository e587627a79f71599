"""The glossary in the Wagtail admin: officials add terms in Polish and translate
them with wagtail-localize's "Translate" action, as they do pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["term", "explanation", "locale"]
    search_fields = ["term", "forms", "explanation"]


register_snippet(GlossaryTermViewSet)

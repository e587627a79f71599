from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cms import home, navigation
from core import feedback, formmarkup

register = template.Library()


@register.simple_tag(takes_context=True)
def menu_pages(context):
    return navigation.menu_pages(context["request"])


@register.simple_tag(takes_context=True)
def home_page(context):
    return navigation.home_page(context["request"])


@register.simple_tag(takes_context=True)
def footer_pages(context):
    return navigation.footer_pages(context["request"])


@register.simple_tag(takes_context=True)
def home_body(context):
    """The home page's body, shared by its readers (cms/home.py)."""
    return home.home_body(context["page"], context["request"])


@register.simple_tag(takes_context=True)
def page_ancestors(context):
    return navigation.ancestors(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def language_links(context):
    return navigation.language_links(context["request"], context.get("page"))


class SharedNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        vary = tuple(str(value.resolve(context)) for value in self.vary)
        return navigation.shared_markup(request, self.name, vary, lambda: self.nodelist.render(context))


@register.tag
def shared(parser, token):
    """``{% shared "name" value… %}…{% endshared %}``: markup the same for every
    reader of a language (the frame's navigation, its footer links), rendered
    once per site, language, version of the page tree and the values given,
    which must name everything else it depends on.  Nothing personal (the
    reader, a CSRF token, what they typed) may stand inside."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% shared %} needs a name")
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return SharedNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag
def form_fields(form):
    """The form's fields (``form.as_div``); an empty form's from memory when its class allows it."""
    return formmarkup.markup(form)


@register.filter
def is_active_section(page, current):
    """True when ``current`` is ``page`` or lies below it (for aria-current)."""
    if current is None or not getattr(current, "path", None):
        return False
    return current.path.startswith(page.path)


@register.simple_tag
def icon(name, label=""):
    """An icon from the sprite in ``includes/icon_sprite.svg`` (inlined once per page
    by ``base.html``).  Decorative unless given a ``label``, which is then its
    accessible name."""
    if label:
        return format_html(
            '<svg class="icon icon--{0}" role="img" aria-label="{1}" focusable="false">'
            '<use href="#icon-{0}"></use></svg>',
            name,
            label,
        )
    return format_html(
        '<svg class="icon icon--{0}" aria-hidden="true" focusable="false"><use href="#icon-{0}"></use></svg>', name
    )


# Feedback next to what the person did: core/feedback.py.
_anchor, _shown = feedback.anchor, feedback.shown


@register.simple_tag(takes_context=True)
def page_messages(context):
    """The messages that belong to the page as a whole (top of the page)."""
    return [_shown(message) for message in context.get("messages", ()) if _anchor(message) is None]


@register.simple_tag(takes_context=True)
def messages_at(context, *parts):
    """The messages that belong next to the element whose id is ``parts`` joined
    by hyphens (``{% messages_at "comment" comment.pk as here %}``)."""
    anchor = "-".join(str(part) for part in parts if part not in ("", None))
    return [_shown(message) for message in context.get("messages", ()) if _anchor(message) == anchor]


# One illustration per thematic area (static/img/areas/<code>.svg, drawn for Rada),
# with what it shows, for when it is not just decoration beside the area's name.
_AREA_PICTURES = {
    "education": _("An open book with a pencil"),
    "local-communities": _("Neighbours of different backgrounds in front of their houses"),
    "culture": _("A guitar, music notes and a painter's palette"),
    "violence-discrimination": _("A shield with a heart, protecting two people"),
    "health": _("A heart with a medical cross and a stethoscope"),
    "work": _("A briefcase and a gear wheel"),
    "social-welfare": _("Two hands holding a heart"),
    "housing": _("A block of flats and a key"),
}


@register.simple_tag
def area_illustration(code):
    """``{"src", "alt"}`` of the thematic area's illustration, or None for an unknown code."""
    if code not in _AREA_PICTURES:
        return None
    return {"src": static(f"img/areas/{code}.svg"), "alt": _AREA_PICTURES[code]}

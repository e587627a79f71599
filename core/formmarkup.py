"""The markup of an empty form, rendered once and reused.

Django renders a form's fields through its form and widget templates, a few
milliseconds per form; a consultation page draws three for every signed-in
reader.  An empty (unbound) form's markup follows only from what
:func:`_fingerprint` reads: the form's class, prefix and ids, the language and,
for each field, its kind, widget, attributes, label, help, choices and initial
value.  A form class says it renders nothing else by setting
``cached_markup = True`` (no field whose choices come from a query, no
template of its own that reads anything more); its markup is then kept in this
process's memory under that fingerprint.  A form that was sent (bound) is
always rendered afresh: it shows the reader's text and errors.  The CSRF token
is never part of it (``includes/form_body.html`` puts it beside)."""

import hashlib

from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .cache import Recent

_rendered = Recent(256)


def _choices(field):
    choices = getattr(field, "choices", None)
    if choices is None:
        return None
    return [(value, str(label)) for value, label in choices]


def _fingerprint(form):
    fields = []
    for name, field in form.fields.items():
        widget = field.widget
        fields.append(
            (
                name,
                type(field).__qualname__,
                type(widget).__qualname__,
                sorted((key, str(value)) for key, value in widget.attrs.items()),
                field.required,
                field.disabled,
                field.show_hidden_initial,
                getattr(field, "max_length", None),
                getattr(field, "min_length", None),
                field.label_suffix,
                str(field.label),
                str(field.help_text),
                repr(form.get_initial_for_field(field, name)),
                _choices(field),
            )
        )
    form_class = type(form)
    parts = (
        form_class.__module__,
        form_class.__qualname__,
        form.prefix,
        form.auto_id,
        form.label_suffix,
        form.use_required_attribute,
        get_language(),
        fields,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def fingerprint(form):
    """What ``form``'s markup follows from, or None when it may show more (a
    form that was sent, or whose class does not say ``cached_markup``)."""
    if form.is_bound or not getattr(form, "cached_markup", False):
        return None
    return _fingerprint(form)


def markup(form):
    """``form.as_div()``, from memory when the form allows it and nothing was sent."""
    key = fingerprint(form)
    if key is None:
        return form.as_div()
    html = _rendered.get(key)
    if html is None:
        html = form.as_div()
    _rendered.put(key, html)
    # Rendered by Django's form templates, every text escaped there.
    return mark_safe(html)  # noqa: S308

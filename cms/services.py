"""Building the site's page tree in code: its languages, the home page, pages
under it and their translations.  Officials do all this in the Wagtail admin;
the demo and the tests do it here, the same way wagtail-localize does.

Each function looks for what it would make first, so calling it again changes
nothing; like ``get_or_create``, it returns what is there and whether it made it.
"""

from django.conf import settings
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from .models import HomePage


def locales_ensure():
    """{code: Locale} for every site language; the others are kept in step
    with the default language's tree (new pages appear there as aliases)."""
    source = Locale.get_default()
    result = {source.language_code: source}
    for code, _name in settings.LANGUAGES:
        if code != source.language_code:
            locale, _made = Locale.objects.get_or_create(language_code=code)
            LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
            result[code] = locale
    return result


def home_ensure(**fields):
    """The home page of the default language, the root of the site."""
    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    # Wagtail's own "Welcome" placeholder takes the slug we want; it holds nothing.
    root.get_children().filter(content_type__app_label="wagtailcore", content_type__model="page").delete()
    home = HomePage(
        locale=locale, slug="home", show_in_menus=False, **{"title": "Rada", "hero_title": "Rada", **fields}
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.update_or_create(
        hostname="localhost", port=80, defaults={"root_page": home, "is_default_site": True, "site_name": "Rada"}
    )
    return home, True


def page_add(parent, model, slug, **fields):
    """A published page ``slug`` of type ``model`` under ``parent``, in its language."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, locale_id=parent.locale_id, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def tree_synchronise():
    """Every page of the default language appears in the others, as an alias
    showing the original until it is translated.  Returns how many were added."""
    locales = locales_ensure()
    source = locales.pop(settings.LANGUAGE_CODE)
    index = PageIndex.from_database().sort_by_tree_position()
    added = 0
    for locale in locales.values():
        before = Page.objects.filter(locale=locale).count()
        synchronize_tree(source, locale, page_index=index)
        added += Page.objects.filter(locale=locale).count() - before
    return added


def page_translate(page, locale, **fields):
    """``page`` in ``locale``, with ``fields`` in that language, published,
    unless a translation exists.  An alias made by synchronisation becomes a
    real translation, as it does when an editor translates it."""
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing.specific, False
    if existing is not None:
        ConvertAliasPageAction(existing).execute(skip_permission_checks=True)
        translation = existing.specific_class.objects.get(pk=existing.pk)
    else:
        translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation, True

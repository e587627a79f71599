"""The demo glossary of city terms in four languages, and an easy-read version
of the consultation on the information centre with three simple pictures
(plainlanguage.toml, <language>/plainlanguage.toml).

Glossary terms are snippets and pictures are images, which officials make in
the admin without a service; the seed makes them as the admin does.  The
easy-read page is a page like any other (``cms.services``).  Each step looks
for what it would make, so running it again changes nothing.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

from consultations.models import ConsultationPage
from plainlanguage.models import EasyReadPage, GlossaryTerm

from . import data


def seed_plainlanguage(seeder, locales):
    records = data.load("plainlanguage")
    texts = {code: data.load("plainlanguage", code) for code in locales}
    seed_glossary(seeder, locales, records, texts)
    seed_easy_read(seeder, locales, records, texts)


def seed_glossary(seeder, locales, records, texts):
    for record in records["glossary"]:
        slug = record["slug"]
        original = GlossaryTerm.objects.filter(locale=locales[seeder.source], slug=slug).first()
        if original is None:
            fields = _term_fields(texts[seeder.source]["glossary"][slug])
            original = GlossaryTerm.objects.create(
                locale=locales[seeder.source], slug=slug, source_url=record["source_url"], **fields
            )
            seeder.log(f"glossary term {original.term}")
        for code, locale in locales.items():
            translated = texts[code].get("glossary", {}).get(slug)
            if code == seeder.source or translated is None or original.has_translation(locale):
                continue
            translation = original.copy_for_translation(locale)
            for name, value in _term_fields(translated).items():
                setattr(translation, name, value)
            translation.save()
            seeder.log(f"glossary term {code}: {translation.term}")


def _term_fields(texts):
    return {name: texts[name] for name in ("term", "forms", "explanation")}


PICTOGRAMS = ("clock", "languages", "phone")


def _draw(name):
    """A plain pictogram, drawn here so the demo needs no image files."""
    image = Image.new("RGB", (480, 360), "#e6f0f4")
    draw = ImageDraw.Draw(image)
    ink, brand, accent = "#1b1f23", "#0b4f6c", "#9c3d10"
    if name == "clock":
        draw.ellipse((130, 70, 350, 290), fill="#ffffff", outline=brand, width=14)
        draw.line((240, 180, 240, 110), fill=ink, width=12)
        draw.line((240, 180, 300, 210), fill=ink, width=12)
        draw.ellipse((228, 168, 252, 192), fill=accent)
    elif name == "languages":
        draw.rounded_rectangle((50, 60, 260, 190), radius=30, fill=brand)
        draw.polygon([(100, 185), (90, 240), (150, 188)], fill=brand)
        draw.rounded_rectangle((220, 150, 430, 280), radius=30, fill=accent)
        draw.polygon([(380, 275), (390, 330), (330, 278)], fill=accent)
        for x in (110, 155, 200):
            draw.ellipse((x - 12, 113, x + 12, 137), fill="#ffffff")
        for x in (280, 325, 370):
            draw.ellipse((x - 12, 203, x + 12, 227), fill="#ffffff")
    else:  # phone
        draw.rounded_rectangle((170, 40, 310, 320), radius=26, fill=ink)
        draw.rectangle((186, 80, 294, 260), fill="#ffffff")
        draw.ellipse((228, 272, 252, 296), fill="#ffffff")
        draw.arc((300, 90, 400, 190), start=-60, end=60, fill=brand, width=10)
        draw.arc((290, 60, 440, 220), start=-60, end=60, fill=brand, width=10)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue(), image.size


def _picture(name, title):
    Image = get_image_model()
    found = Image.objects.filter(title=title).first()
    if found is not None:
        return found
    path = f"original_images/rada-easy-read-{name}.png"
    png, (width, height) = _draw(name)
    if not default_storage.exists(path):  # a database seeded afresh reuses the file
        path = default_storage.save(path, ContentFile(png))
    return Image.objects.create(title=title, file=path, width=width, height=height, file_size=len(png))


def _body(blocks, pictures):
    body = []
    for block in blocks:
        if "picture" in block:
            if block["picture"] not in pictures:
                raise block.invalid(
                    "picture", f"is not one of the pictures of plainlanguage.toml ({', '.join(pictures)})"
                )
            value = {"image": pictures[block["picture"]].pk, "alt_text": block["alt_text"]}
            body.append({"type": "picture", "value": value})
        else:
            body.append({"type": "paragraph", "value": block["paragraph"]})
    return body


def _fields(texts, pictures):
    return {"title": texts["title"], "intro": texts["intro"], "body": _body(texts["block"], pictures)}


def seed_easy_read(seeder, locales, records, texts):
    record = records["easy_read"]
    consultation = ConsultationPage.objects.filter(locale=locales[seeder.source], slug=record["of"]).first()
    if consultation is None:
        return
    for name in record["pictures"]:
        if name not in PICTOGRAMS:
            raise record["pictures"].invalid(name, f"is not a pictogram the seed can draw ({', '.join(PICTOGRAMS)})")
    pictures = {name: _picture(name, title) for name, title in record["pictures"].items()}
    page, made = seeder.add(
        consultation, EasyReadPage, record["slug"], **_fields(texts[seeder.source]["easy_read"], pictures)
    )
    if made:
        seeder.synchronise(locales)
    for code, locale in locales.items():
        if code != seeder.source and "easy_read" in texts[code]:
            seeder.translate(page, locale, **_fields(texts[code]["easy_read"], pictures))

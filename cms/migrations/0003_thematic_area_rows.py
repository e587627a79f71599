from django.db import migrations

CODES = [
    "education",
    "local-communities",
    "culture",
    "violence-discrimination",
    "health",
    "work",
    "social-welfare",
    "housing",
]


def create_areas(apps, schema_editor):
    ThematicArea = apps.get_model("cms", "ThematicArea")
    for code in CODES:
        ThematicArea.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_thematicarea")]

    operations = [migrations.RunPython(create_areas, migrations.RunPython.noop)]

"""The Officials group (see ``accounts.groups``) may add, change, delete and
view indicators.  Model permissions are normally made after all migrations,
so this one makes them first."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICIALS = "Officials"
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    config = apps.get_app_config("opendata")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=OFFICIALS)
    permissions = Permission.objects.filter(
        content_type__app_label="opendata", codename__in=[f"{action}_indicator" for action in ACTIONS]
    )
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=OFFICIALS).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="opendata"))


class Migration(migrations.Migration):
    dependencies = [
        ("opendata", "0001_indicators"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

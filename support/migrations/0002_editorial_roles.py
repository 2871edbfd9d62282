"""
The roles and the support prompts (see articles/migrations/0003_editorial_roles.py):
editors and admins run campaigns, contributors have no say in them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = ["add_prompt", "change_prompt", "delete_prompt", "view_prompt"]
ROLES = ["Editor", "Admin"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations have run; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="support", codename__in=PERMISSIONS
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="support")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0001_initial"),
        ("articles", "0003_editorial_roles"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

"""
The roles gain the newsletters (articles/migrations/0003_editorial_roles.py): editors and
admins get every newsletters permission, sending and scheduling issues included;
contributors none, as a list's readers and what is sent to them are the editors' to decide.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES_WITH_NEWSLETTERS = ["Editor", "Admin"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations have run; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="newsletters")
    for group in Group.objects.filter(name__in=ROLES_WITH_NEWSLETTERS):
        group.permissions.add(*permissions)
    for group in Group.objects.filter(name="Contributor"):
        group.permissions.remove(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="newsletters")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES_WITH_NEWSLETTERS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0001_initial"),
        ("articles", "0003_editorial_roles"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

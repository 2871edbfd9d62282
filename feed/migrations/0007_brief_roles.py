"""
The roles gain briefs as they have quotes and videos (articles/migrations/0003_editorial_roles.py):
contributors write and edit their own, editors also publish and delete them, admins get
every brief permission.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Contributor": ["add_brief", "change_brief", "view_brief"],
    "Editor": ["add_brief", "change_brief", "delete_brief", "view_brief", "publish_brief"],
    "Admin": ["add_brief", "change_brief", "delete_brief", "view_brief", "publish_brief"],
}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations have run; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        permissions = Permission.objects.filter(
            content_type__app_label="feed", codename__in=codenames
        )
        for group in Group.objects.filter(name=name):
            group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="feed", content_type__model="brief"
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("feed", "0006_brief_search"),
        ("articles", "0003_editorial_roles"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

"""
The roles gain what the newer models need: editors may change any photo (contributors
only their own, until published) and keep the list of old addresses; admins get every
permission of the redirects app.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = [
    ("articles", "change_any_photo"),
    ("redirects", "view_redirect"),
    ("redirects", "delete_redirect"),
]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations have run; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor_permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in EDITOR
    ]
    for group in Group.objects.filter(name="Editor"):
        group.permissions.add(*editor_permissions)
    for group in Group.objects.filter(name="Admin"):
        group.permissions.add(
            *editor_permissions,
            *Permission.objects.filter(content_type__app_label="redirects"),
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="redirects"
    ) | Permission.objects.filter(content_type__app_label="articles", codename="change_any_photo")
    for group in Group.objects.filter(name__in=["Editor", "Admin"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_photo_uploaded_by"),
        ("articles", "0003_editorial_roles"),
        ("redirects", "0001_initial"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

"""
The newsroom's three roles, as groups with the fewest permissions each job needs.

Contributor: writes and edits their own drafts and sends them for review (the admin
limits which items and statuses; see articles/admin.py). Editor: edits everything,
publishes, schedules, unpublishes, corrects and shares previews. Admin: everything in
the newsroom apps plus user and group management.

Running it again brings the groups back to these lists, so it is also how a changed
role definition reaches existing sites.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTRIBUTOR = {
    "articles": {
        "article": ["add", "change", "view"],
        "articleauthor": ["add", "change", "delete", "view"],
        "photo": ["add", "change", "view"],
        "section": ["view"],
        "correction": ["view"],
    },
    "authors": {"author": ["view"]},
    "feed": {"quote": ["add", "change", "view"], "video": ["add", "change", "view"]},
    "taggit": {"tag": ["view"]},
}

EDITOR = {
    "articles": {
        "article": ["add", "change", "delete", "view", "publish"],
        "articleauthor": ["add", "change", "delete", "view"],
        "photo": ["add", "change", "delete", "view"],
        "section": ["add", "change", "view"],
        "correction": ["add", "change", "delete", "view"],
        "articleslughistory": ["view", "delete"],
        "previewlink": ["add", "change", "view"],
        "previewvisit": ["view"],
    },
    "authors": {"author": ["add", "change", "view"]},
    "feed": {
        "quote": ["add", "change", "delete", "view", "publish"],
        "video": ["add", "change", "delete", "view", "publish"],
    },
    "taggit": {"tag": ["add", "change", "view"], "taggeditem": ["view"]},
}

ADMIN_APPS = ["articles", "authors", "feed", "taggit", "auth"]


def codenames(spec):
    for app_label, models in spec.items():
        for model, actions in models.items():
            for action in actions:
                yield app_label, f"{action}_{model}"


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations have run; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(spec):
        found = []
        for app_label, codename in codenames(spec):
            found.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        return found

    for name, perms in [
        ("Contributor", permissions(CONTRIBUTOR)),
        ("Editor", permissions(EDITOR)),
        ("Admin", Permission.objects.filter(content_type__app_label__in=ADMIN_APPS)),
    ]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(perms)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Contributor", "Editor", "Admin"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_editorial_workflow"),
        ("authors", "0001_initial"),
        ("feed", "0002_editorial_workflow"),
        ("taggit", "__latest__"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]

"""Imported old addresses move to the redirects app, beside the items' earlier slugs."""

from django.db import migrations


def paths_to_redirects(apps, schema_editor):
    LegacyPath = apps.get_model("importers", "LegacyPath")
    Redirect = apps.get_model("redirects", "Redirect")
    Redirect.objects.bulk_create(
        [
            Redirect(
                old_path=legacy.path,
                content_type_id=legacy.content_type_id,
                object_id=legacy.object_id,
            )
            for legacy in LegacyPath.objects.all()
        ],
        ignore_conflicts=True,
    )


def redirects_to_paths(apps, schema_editor):
    LegacyPath = apps.get_model("importers", "LegacyPath")
    Redirect = apps.get_model("redirects", "Redirect")
    LegacyPath.objects.bulk_create(
        [
            LegacyPath(
                path=redirect.old_path,
                content_type_id=redirect.content_type_id,
                object_id=redirect.object_id,
            )
            for redirect in Redirect.objects.all()
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("importers", "0001_initial"),
        ("redirects", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(paths_to_redirects, redirects_to_paths),
        migrations.DeleteModel(name="LegacyPath"),
    ]

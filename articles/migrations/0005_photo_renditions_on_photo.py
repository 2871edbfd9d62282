from itertools import groupby

import django.db.models.deletion
from django.db import migrations, models

BATCH = 2000


def rendition_lists(PhotoRendition):
    """(photo id, list of renditions) for every photo that has some, photo by photo."""
    rows = (
        PhotoRendition.objects.order_by("photo_id", "ratio", "width")
        .values_list("photo_id", "ratio", "width", "height", "image")
        .iterator(chunk_size=BATCH * 10)
    )
    for photo_id, group in groupby(rows, key=lambda row: row[0]):
        yield photo_id, [
            {"ratio": ratio, "width": width, "height": height, "name": name}
            for _, ratio, width, height, name in group
        ]


def copy_to_photos(apps, schema_editor):
    Photo = apps.get_model("articles", "Photo")
    batch = []
    for photo_id, renditions in rendition_lists(apps.get_model("articles", "PhotoRendition")):
        batch.append(Photo(pk=photo_id, renditions=renditions))
        if len(batch) == BATCH:
            Photo.objects.bulk_update(batch, ["renditions"])
            batch = []
    Photo.objects.bulk_update(batch, ["renditions"])


def copy_to_table(apps, schema_editor):
    Photo = apps.get_model("articles", "Photo")
    PhotoRendition = apps.get_model("articles", "PhotoRendition")
    photos = Photo.objects.exclude(renditions=[]).values_list("pk", "renditions")
    PhotoRendition.objects.bulk_create(
        (
            PhotoRendition(
                photo_id=pk,
                ratio=r["ratio"],
                width=r["width"],
                height=r["height"],
                image=r["name"],
            )
            for pk, renditions in photos.iterator(chunk_size=BATCH)
            for r in renditions
        ),
        batch_size=BATCH,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_photo_renditions"),
    ]

    operations = [
        # Frees the name `renditions` on Photo for the new field (no change in the database).
        migrations.AlterField(
            model_name="photorendition",
            name="photo",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="articles.photo",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="renditions",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.RunPython(copy_to_photos, copy_to_table),
        migrations.DeleteModel(
            name="PhotoRendition",
        ),
    ]

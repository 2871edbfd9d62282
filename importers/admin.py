from django.contrib import admin

from .models import ImportedItem


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    list_display = [
        "source_id",
        "kind",
        "source",
        "content_type",
        "object_id",
        "note",
        "updated_at",
    ]
    list_filter = ["source", "kind"]
    search_fields = ["source_id", "note"]
    date_hierarchy = "imported_at"
    readonly_fields = ["imported_at", "updated_at"]

"""
Import a WordPress export (Tools → Export → All content, a WXR .xml file).

Authors, categories, tags, posts and pages become Newsroom authors, sections, tags and
articles; old addresses redirect to the new ones. Safe to run again: items imported
before are updated in place, never duplicated.
"""

from importers.command import ImportCommand
from importers.wordpress import WordPressReader


class Command(ImportCommand):
    help = "Import a WordPress WXR export (posts, pages, authors, categories, tags). Idempotent."
    reader_class = WordPressReader
    file_help = "The WXR file from WordPress (Tools → Export)."

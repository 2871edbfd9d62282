"""
Import a Ghost JSON export (Settings → Labs → Export your content).

Users, tags, posts and pages become Newsroom authors, tags and articles; old addresses
redirect to the new ones. Passwords and API keys in the export are never read. Safe to
run again: items imported before are updated in place, never duplicated.
"""

from importers.command import ImportCommand
from importers.ghost import GhostReader


class Command(ImportCommand):
    help = "Import a Ghost JSON export (posts, pages, users, tags). Idempotent."
    reader_class = GhostReader
    file_help = "The .json file from Ghost (Settings → Labs → Export your content)."

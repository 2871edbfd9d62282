"""What import_wordpress and import_ghost share: options, progress bar, report, errors."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from .errors import ImportFileError, ImportStopped
from .loader import run_import

BAR_WIDTH = 30
# Below this many items a progress bar would only flicker.
PROGRESS_THRESHOLD = 50
# On SQLite a transaction holds the one write lock, and an editor's save gives up after
# waiting five seconds: at about 50 ms an article, a batch of this size takes a second.
DEFAULT_BATCH_SIZE = 20


class ImportCommand(BaseCommand):
    reader_class = None
    file_help = "The export file."

    def add_arguments(self, parser):
        parser.add_argument("file", help=self.file_help)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do everything and report it, then roll back: nothing is written.",
        )
        parser.add_argument(
            "--media-dir",
            help="A local copy of the old site's uploads; featured images and avatars found "
            "there are copied in. Nothing is ever downloaded.",
        )
        parser.add_argument(
            "--default-section",
            default="News",
            help="Section for posts that have no category (default: News).",
        )
        parser.add_argument(
            "--source",
            help="Name the old site for matching on later runs (default: taken from the "
            "export, e.g. wordpress:example.com). Give two different sites that share an "
            "address different names.",
        )
        parser.add_argument("--report-json", help="Also write the report as JSON to this file.")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help="Articles and pages written per transaction, so editors' saves wait for "
            f"one batch rather than the whole import (default: {DEFAULT_BATCH_SIZE}); 0 "
            "writes everything in one transaction. A dry run is always one.",
        )

    def handle(
        self,
        *args,
        file,
        dry_run,
        media_dir,
        default_section,
        source,
        report_json,
        batch_size,
        **options,
    ):
        verbosity = options["verbosity"]
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(f"--media-dir {media_dir} is not a folder.")
        if batch_size < 0:
            raise CommandError("--batch-size must be 0 (one transaction) or more.")
        show_bar = verbosity >= 1 and self.stderr.isatty()

        def progress(done, total):
            if show_bar and total >= PROGRESS_THRESHOLD:
                filled = BAR_WIDTH * done // total
                bar = "#" * filled + "." * (BAR_WIDTH - filled)
                self.stderr.write(
                    f"\rImporting [{bar}] {done:,}/{total:,}",
                    ending="\n" if done >= total else "",
                    style_func=lambda text: text,  # progress, not an error: no red
                )

        try:
            with path.open("rb") as handle:
                report = run_import(
                    self.reader_class(handle),
                    dry_run=dry_run,
                    media_dir=media_dir,
                    default_section=default_section,
                    progress=progress,
                    source=source,
                    batch_size=batch_size,
                )
        except (ImportFileError, ImportStopped) as error:
            raise CommandError(f"{path.name}: {error}") from error

        if report_json:
            Path(report_json).write_text(report.as_json() + "\n", encoding="utf-8")
        if verbosity >= 1:
            self.stdout.write("\n".join(report.summary_lines(verbosity)))
            if dry_run:
                self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
            elif report.changed_anything:
                self.stdout.write(self.style.SUCCESS("Import finished."))
            else:
                self.stdout.write(self.style.SUCCESS("Import finished; nothing had changed."))

"""What an import did, item by item: counted for the summary, listed for the JSON report."""

import json
from collections import Counter
from dataclasses import dataclass, field

IMPORTED = "imported"
UPDATED = "updated"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
OUTCOMES = (IMPORTED, UPDATED, UNCHANGED, SKIPPED)

# The order kinds are listed in the summary.
KINDS = ("authors", "sections", "tags", "photos", "articles", "pages", "redirects", "other")


@dataclass
class ImportReport:
    source: str = ""
    dry_run: bool = False
    counts: dict = field(default_factory=dict)
    skipped: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    remote_media: set = field(default_factory=set)
    copied_media: list = field(default_factory=list)
    policies: list = field(default_factory=list)
    # With --batch-size: the most articles and pages a transaction wrote, and how many
    # transactions there were; 0 when the import was one transaction.
    batch_size: int = 0
    transactions: int = 0

    def count(self, kind, outcome):
        self.counts.setdefault(kind, Counter())[outcome] += 1

    def skip(self, kind, source_id, title, reason):
        self.count(kind, SKIPPED)
        self.skipped.append(
            {"kind": kind, "source_id": str(source_id), "title": title, "reason": reason}
        )

    def note(self, kind, source_id, title, text):
        self.notes.append({"kind": kind, "source_id": str(source_id), "title": title, "note": text})

    def total(self, outcome):
        return sum(counter[outcome] for counter in self.counts.values())

    @property
    def changed_anything(self):
        return bool(self.total(IMPORTED) or self.total(UPDATED))

    def as_dict(self):
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "counts": {
                kind: {outcome: counter[outcome] for outcome in OUTCOMES}
                for kind, counter in self._ordered_counts()
            },
            "policies": self.policies,
            "batch_size": self.batch_size,
            "transactions": self.transactions,
            "skipped": self.skipped,
            "notes": self.notes,
            "remote_media": sorted(self.remote_media),
            "copied_media": self.copied_media,
        }

    def as_json(self):
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)

    def _ordered_counts(self):
        order = {kind: index for index, kind in enumerate(KINDS)}
        return sorted(
            self.counts.items(), key=lambda item: (order.get(item[0], len(KINDS)), item[0])
        )

    def summary_lines(self, verbosity=1):
        """Plain-text report for the terminal; verbosity 2 lists every remote media URL."""
        heading = f"Import of {self.source}"
        if self.dry_run:
            heading += " (dry run: nothing was written)"
        lines = [heading, ""]
        width = max([len(kind) for kind in self.counts] + [8])
        lines.append(f"{'':<{width}}  " + "  ".join(f"{outcome:>9}" for outcome in OUTCOMES))
        for kind, counter in self._ordered_counts():
            lines.append(
                f"{kind:<{width}}  " + "  ".join(f"{counter[outcome]:>9}" for outcome in OUTCOMES)
            )
        for policy in self.policies:
            lines.append(f"\n{policy}")
        if self.batch_size:
            lines.append(
                f"\nWritten in {self.transactions:,} transaction(s) of at most "
                f"{self.batch_size:,} articles and pages each."
            )
        if self.skipped:
            lines.append("\nSkipped:")
            reasons = Counter((entry["kind"], entry["reason"]) for entry in self.skipped)
            for (kind, reason), number in sorted(reasons.items()):
                lines.append(f"  {number:>4} {kind}: {reason}")
        if self.notes:
            lines.append("\nNotes:")
            for entry in self.notes:
                title = entry["title"] or f"{entry['kind']} {entry['source_id']}"
                lines.append(f"  {title}: {entry['note']}")
        if self.copied_media:
            lines.append(f"\nMedia copied from the local folder: {len(self.copied_media)}")
        if self.remote_media:
            lines.append(
                f"\nMedia left on other hosts (source URL kept, nothing fetched): "
                f"{len(self.remote_media)}"
            )
            if verbosity >= 2:
                lines.extend(f"  {url}" for url in sorted(self.remote_media))
            else:
                lines.append("  (run with -v 2 or --report-json to list them)")
        return lines

"""The ratings use cases: import a portal export (preview, then all or nothing), take in ratings fetched
from the EHR, record follow-ups, and hand the dashboard its figures.

Both ways in end in :meth:`RatingsService.ingest`, so linking and de-duplication are one code path: a
rating whose id is already stored is skipped, which makes re-import and re-fetch harmless.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.ratings import aggregate, business, compliance
from app.ratings.dimensions import ALL_DIMENSIONS, DEFAULT_DIMENSIONS
from app.ratings.link import link_rating
from app.ratings.parse import RatingInput, RowError, parse_rows, read_table
from app.security.guard import Guard
from app.security.permissions import Perm
from app.security.privacy import ExportGate, masked
from app.services.storage import reading, writing
from localdb import ratings_models as rm
from localdb.engine import Database


@dataclass(frozen=True)
class ImportPreview:
    """What a file would add: the good rows, every row error, and how many are already stored."""

    name: str
    ratings: tuple[RatingInput, ...]
    errors: tuple[RowError, ...]
    already_stored: int
    dimensions: tuple[str, ...]

    @property
    def importable(self) -> bool:
        return not self.errors and bool(self.ratings)


@dataclass(frozen=True)
class IngestResult:
    added: int
    skipped: int  # already stored (re-import, re-fetch)
    linked: int  # of the added, how many found their work order


def _masked_rows(d: aggregate.RatingsDashboard) -> aggregate.RatingsDashboard:
    def rows(found: tuple[aggregate.RatingRow, ...]) -> tuple[aggregate.RatingRow, ...]:
        return tuple(masked(r, names=("owner_name",), phones=("owner_phone",)) for r in found)

    return replace(d, lowest=rows(d.lowest), followups=rows(d.followups))


class RatingsService:
    """The owner's view: ratings and follow-ups (``RATINGS``), the compliance and business panels
    (``REPORTS``), and their Excel and PDF files (``EXPORT``). Rating fetches from the EHR run as the
    system (the sync worker marks its thread with :meth:`Guard.as_system`)."""

    def __init__(self, db: Database, clock: Clock, guard: Guard, exports: ExportGate,
                 dimensions: Sequence[str] = DEFAULT_DIMENSIONS) -> None:  # fmt: skip
        self._db = db
        self._clock = clock
        self._guard = guard
        self._exports = exports
        self.dimensions = tuple(dimensions)
        self.columns: Mapping[str, str] = {}

    def use_profile_dimensions(self, dimensions: Sequence[str], columns: Mapping[str, str] | None = None) -> None:
        """The active province's set and export column names (``Profile.ratings_dimensions`` /
        ``ratings_columns``); the dashboard and the import follow them."""
        self.dimensions = tuple(dimensions)
        self.columns = dict(columns or {})

    # -- in ----------------------------------------------------------------------------------------

    def preview_file(self, path: Path, columns: Mapping[str, str] | None = None) -> ImportPreview:
        self._guard.require(Perm.RATINGS)
        headers, rows = read_table(path)
        parsed = parse_rows(headers, rows, self.dimensions, self.columns if columns is None else columns)
        stored = self._stored_ids([r.external_id for r in parsed.ratings])
        return ImportPreview(path.name, parsed.ratings, parsed.errors, len(stored), self.dimensions)

    def import_preview(self, preview: ImportPreview) -> IngestResult:
        """All or nothing: a file with any row error is refused whole, so it can be fixed and re-run."""
        self._guard.require(Perm.RATINGS)
        if preview.errors:
            raise DomainError("rating.import.has_errors", "file", count=len(preview.errors))
        return self.ingest(preview.ratings, source="import")

    def ingest(self, ratings: Sequence[RatingInput], *, source: str) -> IngestResult:
        self._guard.require(Perm.RATINGS)
        now = self._clock.now()
        added = linked = 0
        with writing(self._db) as session:
            stored = set(session.scalars(select(rm.Rating.external_id)
                                         .where(rm.Rating.external_id.in_([r.external_id for r in ratings]))))  # fmt: skip
            for rating in ratings:
                if rating.external_id in stored:
                    continue
                stored.add(rating.external_id)
                link = link_rating(session, rating.costlistcode, rating.plate, rating.rated_at)
                values = list(rating.scores.values())
                row = rm.Rating(
                    external_id=rating.external_id, source=source, costlistcode=rating.costlistcode,
                    plate=rating.plate, rated_at=rating.rated_at, scores=dict(rating.scores),
                    min_score=min(values), mean_x100=round(100 * sum(values) / len(values)),
                    **{d: v for d, v in rating.scores.items() if d in ALL_DIMENSIONS},
                    comment=rating.comment, work_order_id=link.work_order_id, advisor_id=link.advisor_id,
                    followup_state="", followup_note="", received_at=now,
                )  # fmt: skip
                session.add(row)
                session.flush()
                session.add_all(rm.RatingTechnician(rating_id=row.id, staff_id=t) for t in link.technician_ids)
                added += 1
                linked += link.work_order_id is not None
        return IngestResult(added, len(ratings) - added, linked)

    def _stored_ids(self, ids: Sequence[str]) -> set[str]:
        with reading(self._db) as session:
            found: set[str] = set()
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                found |= set(session.scalars(select(rm.Rating.external_id).where(rm.Rating.external_id.in_(chunk))))
            return found

    # -- follow-up ---------------------------------------------------------------------------------

    def record_followup(self, rating_id: int, note: str, *, close: bool) -> None:
        """Keep the owner's note; closing needs one, so a closed case always says what was done."""
        self._guard.require(Perm.RATINGS)
        note = note.strip()
        if close and not note:
            raise DomainError("rating.followup.note_required", "note")
        with writing(self._db) as session:
            rating = session.get(rm.Rating, rating_id)
            if rating is None:
                raise DomainError("rating.not_found", "rating", id=rating_id)
            rating.followup_note = note
            rating.followup_state = "closed" if close else "open"
            rating.followup_closed_at = self._clock.now() if close else None

    # -- out ---------------------------------------------------------------------------------------

    def dashboard(self, start: date, end: date, threshold: int = 3) -> aggregate.RatingsDashboard:
        """Averages, trend, distribution and lists for ``[start, end)`` in shop-local days."""
        actor = self._guard.require(Perm.RATINGS)
        with reading(self._db) as session:
            found = aggregate.build(session, start, end, self.dimensions, threshold)
        return found if actor.may(Perm.VIEW_CONTACTS) else _masked_rows(found)

    def compliance(self, start: date, end: date) -> compliance.CompliancePanel:
        self._guard.require(Perm.REPORTS)
        with reading(self._db) as session:
            return compliance.build(session, start, end, self._clock.now())

    def compliance_list(self, start: date, end: date, key: str) -> tuple[compliance.ComplianceRow, ...]:
        self._guard.require(Perm.REPORTS)
        with reading(self._db) as session:
            return compliance.rows_behind(session, start, end, key, self._clock.now())

    def business(self, start: date, end: date, granularity: str = "month") -> business.BusinessPanel:
        """Reads in one session; newly counted past months go to the month cache in a short write after."""
        self._guard.require(Perm.REPORTS)
        fresh: list[rm.DashboardMonth] = []
        with reading(self._db) as session:
            panel = business.build(session, start, end, granularity, self._clock.now(), fresh)
        if fresh:
            with writing(self._db) as session:
                for row in fresh:
                    session.merge(row)
        return panel

    # -- files -------------------------------------------------------------------------------------

    def ratings_excel(self, d: aggregate.RatingsDashboard, *, unmasked: bool = False) -> bytes:
        """The ratings panel's workbook; its lists name owners and their phones: masked unless ``unmasked``."""
        from app.ratings.export_excel import ratings_workbook  # openpyxl: only when exporting

        shown = d if unmasked else _masked_rows(d)
        return self._exports.export("ratings_excel", lambda: ratings_workbook(shown), unmasked=unmasked,
                                    entity="ratings", entity_id=f"{d.start}/{d.end}")  # fmt: skip

    def compliance_excel(self, start: date, end: date, panel: compliance.CompliancePanel) -> bytes:
        """The compliance workbook with the lists behind the figures (plates and list numbers, no people)."""
        from app.ratings.export_excel import compliance_workbook

        def make() -> bytes:
            keys = ("not_uploaded", "over_24h", "rejected", "attention", "warnings")
            return compliance_workbook(panel, {key: self.compliance_list(start, end, key) for key in keys})

        return self._exports.export("compliance_excel", make, entity="compliance", entity_id=f"{start}/{end}")

    def business_excel(self, panel: business.BusinessPanel) -> bytes:
        """Revenue, margin and typical faults (figures only, no people)."""
        from app.ratings.export_excel import business_workbook

        return self._exports.export("business_excel", lambda: business_workbook(panel), entity="business",
                                    entity_id=f"{panel.start}/{panel.end}")  # fmt: skip

    def monthly_pdf(self, shop_name: str, month: date, end: date) -> bytes:
        """The one-page monthly report (figures and charts; the lists with owners are not on it)."""
        from app.ratings.report_pdf import render_monthly_pdf  # reportlab charts: only when exporting

        def make() -> bytes:
            return render_monthly_pdf(shop_name, f"{month.year}年{month.month}月", self.dashboard(month, end),
                                      self.compliance(month, end), self.business(month, end, "day"))  # fmt: skip

        return self._exports.export("monthly_report_pdf", make, entity="reports", entity_id=f"{month}/{end}")


__all__ = ["ImportPreview", "IngestResult", "RatingsService"]

"""The ratings tabs of the dashboard: the averages and their change, the monthly trend and distribution,
the lowest-rated jobs; and the follow-up list with the per-technician / per-advisor averages.

Panels only show what the page hands them (a :class:`RatingsDashboard`); the follow-up panel asks for a
note to be saved with ``followup_requested``, and the page does the write off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import to_local
from app.ratings.aggregate import RatingRow, RatingsDashboard, StaffAverage
from app.ratings.dimensions import label
from ui.pages.dashboard_widgets import ROW_ROLE, Card, Column, RowsModel, apply_widths, make_table
from ui.widgets.charts import PALETTE, BarChart, LineChart, Series


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def rating_columns(dimensions: tuple[str, ...]) -> list[Column]:
    return [
        Column("评价时间", lambda r: to_local(r.rated_at).strftime("%m-%d %H:%M"), 90),
        Column("车牌", lambda r: r.plate, 80),
        Column("结算清单编号", lambda r: r.costlistcode or "（未关联）", 150),
        Column("均分", lambda r: f"{r.mean:.1f}", 44),
        *[Column(label(d)[-2:], lambda r, d=d: r.scores.get(d, ""), 40) for d in dimensions],
        Column("维修技师", lambda r: r.technicians, 80),
        Column("服务顾问", lambda r: r.advisor, 70),
        Column("车主电话", lambda r: r.owner_phone, 100),
        Column("故障/评语", lambda r: r.comment or r.fault),
    ]


class RatingsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards_row = QHBoxLayout()
        self.cards: dict[str, Card] = {}
        self.trend = LineChart(self.tr("月度趋势（各维度平均分）"))
        self.trend.y_min, self.trend.y_max = 1.0, 5.0
        self.distribution = BarChart(self.tr("评分分布（星级 × 次数）"))
        self.distribution.y_format = lambda v: f"{v:.0f}"
        self.lowest = RowsModel(rating_columns(()))
        self.lowest_view = make_table(self.lowest)
        charts = QHBoxLayout()
        charts.addWidget(self.trend, 3)
        charts.addWidget(self.distribution, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.cards_row)
        layout.addLayout(charts, 3)
        layout.addWidget(QLabel(self.tr("评分最低的工单")))
        layout.addWidget(self.lowest_view, 2)

    def show_dashboard(self, d: RatingsDashboard) -> None:
        keys = ("overall", *d.dimensions)
        if tuple(self.cards) != keys:
            for card in self.cards.values():
                card.deleteLater()
            self.cards = {k: Card(k, self.tr("综合评分") if k == "overall" else label(k)) for k in keys}
            for card in self.cards.values():
                self.cards_row.addWidget(card)
            self.lowest.columns = tuple(rating_columns(d.dimensions))
            self.lowest.set_rows(())
            apply_widths(self.lowest_view, self.lowest)
        for avg in (d.overall, *d.per_dimension):
            note = self.tr("{0} 条评价").format(avg.count) if avg.key == "overall" else ""
            self.cards[avg.key].show_value(_num(avg.value), avg.change, note or self.tr("较上期"))
        months = [m[2:] for m, _ in d.trend]
        self.trend.set_data(months, [Series(label(dim), tuple(v[dim] for _, v in d.trend), PALETTE[i % len(PALETTE)])
                                     for i, dim in enumerate(d.dimensions)])  # fmt: skip
        self.distribution.set_data([f"{s}★" for s in range(1, 6)],
                                   [Series("次数", tuple(float(d.distribution[s]) for s in range(1, 6)), "#f9a825")])
        self.lowest.set_rows(d.lowest)


def staff_columns() -> list[Column]:
    return [
        Column("姓名", lambda s: s.name, 90),
        Column("岗位", lambda s: "维修技师" if s.role == "technician" else "服务顾问", 80),
        Column("评价数", lambda s: s.count, 60),
        Column("平均分", lambda s: f"{s.average:.2f}", 60),
        Column("排名", lambda s: s.rank if s.rank is not None else "评价少于5条，不排名"),
    ]


class FollowupPanel(QWidget):
    """Ratings at or below the threshold, newest first: call the owner, note what was done, close it."""

    followup_requested = Signal(int, str, bool)  # rating id, note, close

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowsModel([Column("状态", lambda r: {"closed": "已关闭", "open": "跟进中"}.get(r.followup_state, "待回访"), 56),
                                *rating_columns(()), Column("回访记录", lambda r: r.followup_note)])  # fmt: skip
        self.view = make_table(self.model)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("回访记录：联系了谁、结果如何"))
        self.save_button = QPushButton(self.tr("保存记录"))
        self.close_button = QPushButton(self.tr("关闭回访"))
        self.staff = RowsModel(staff_columns())
        self.staff_view = make_table(self.staff)
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.close_button)
        top = QWidget()
        grid = QGridLayout(top)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("需回访（任一维度 ≤ 3 分）")), 0, 0)
        grid.addWidget(self.view, 1, 0)
        grid.addLayout(actions, 2, 0)
        bottom = QWidget()
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(QLabel(self.tr("技师与服务顾问（本期评价的平均分；少于 5 条评价不参与排名）")))
        lower.addWidget(self.staff_view)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_currentRowChanged)

    def show_dashboard(self, d: RatingsDashboard) -> None:
        columns = (self.model.columns[0], *rating_columns(d.dimensions), self.model.columns[-1])
        if len(columns) != len(self.model.columns):
            self.model.columns = columns
            self.model.set_rows(())
            apply_widths(self.view, self.model)
        self.model.set_rows(d.followups)
        self.staff.set_rows(d.staff)

    def selected(self) -> RatingRow | None:
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def _on_view_currentRowChanged(self, *_: object) -> None:
        row = self.selected()
        self.note.setText(row.followup_note if row is not None else "")

    def _request(self, close: bool) -> None:
        row = self.selected()
        if row is not None:
            self.followup_requested.emit(row.id, self.note.text(), close)

    def _on_save_button_clicked(self) -> None:
        self._request(False)

    def _on_close_button_clicked(self) -> None:
        self._request(True)


__all__ = ["FollowupPanel", "RatingsPanel", "StaffAverage"]

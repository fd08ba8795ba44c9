"""The compliance and business tabs of the dashboard.

Compliance: the numbers a regulator's credit evaluation reads, each a card; a click asks the page for the
orders behind it (``list_requested(key)``), shown in the table below. Business: revenue and orders per
day/week/month split labour/parts/other, margin, average ticket, top items and parts, typical faults.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.clock import to_local
from app.ratings.business import BusinessPanel, FaultGroup
from app.ratings.compliance import CompliancePanel, ComplianceRow
from ui.pages.dashboard_widgets import Card, Column, RowsModel, make_table
from ui.widgets.charts import BarChart, Series

STATE_ZH = {"done": "已接收", "pending": "待上传", "in_flight": "上传中", "rejected": "被退回", "": "未入队"}


def pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def yuan(fen: int | None) -> str:
    return "—" if fen is None else f"¥{fen / 100:,.0f}"


class CompliancePanelView(QWidget):
    list_requested = Signal(str)

    CARDS = (("uploaded", "已上传占比"), ("within_1h", "1小时内上传"), ("over_24h", "超过24小时/未上传"),
             ("rejected", "被退回"), ("attention", "需关注（待传>24h）"), ("pending", "待上传"),
             ("warnings", "每百单数据警告"))  # fmt: skip

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        cards = QHBoxLayout()
        self.cards = {key: Card(key, self.tr(caption)) for key, caption in self.CARDS}
        for card in self.cards.values():
            cards.addWidget(card)
            card.setCursor(Qt.CursorShape.PointingHandCursor)
            card.clicked.connect(self.list_requested)
        self.latency = BarChart(self.tr("结算到接收的时长分布（单数）"))
        self.latency.y_format = lambda v: f"{v:.0f}"
        self.caption = QLabel(self.tr("点击上方数字查看明细"))
        self.model = RowsModel([
            Column("结算时间", lambda r: to_local(r.settled_at).strftime("%Y-%m-%d %H:%M"), 130),
            Column("结算清单编号", lambda r: r.costlistcode, 170),
            Column("车牌", lambda r: r.plate, 90),
            Column("上传状态", lambda r: STATE_ZH.get(r.upload_state, r.upload_state), 80),
            Column("用时", lambda r: _duration(r), 90),
            Column("说明", lambda r: r.detail),
        ])  # fmt: skip
        self.view = make_table(self.model)
        lower = QHBoxLayout()
        lower.addWidget(self.latency, 2)
        side = QVBoxLayout()
        side.addWidget(self.caption)
        side.addWidget(self.view)
        lower.addLayout(side, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(cards)
        layout.addLayout(lower, 1)

    def show_panel(self, p: CompliancePanel) -> None:
        c = self.cards
        c["uploaded"].show_value(pct(p.uploaded_share), note=self.tr("{0}/{1} 单").format(p.uploaded, p.settled))
        c["within_1h"].show_value(pct(p.within_1h_share), note=self.tr("24小时内 {0}").format(pct(p.within_24h_share)))
        c["over_24h"].show_value(str(p.settled - p.within_24h), note=self.tr("单"))
        c["rejected"].show_value(str(p.rejected), note=self.tr("需改正后重传"))
        c["attention"].show_value(str(p.attention), note=self.tr("单"))
        c["pending"].show_value(str(p.pending), note=self.tr("单"))
        per100 = p.warnings_per_100
        c["warnings"].show_value("—" if per100 is None else f"{per100:.1f}", note=self.tr("共 {0} 条").format(p.warnings))
        self.latency.set_data([b for b, _ in p.latency_bands], [Series("单数", tuple(float(n) for _, n in p.latency_bands), "#1565c0")])

    def show_rows(self, key: str, rows: tuple[ComplianceRow, ...]) -> None:
        caption = dict(self.CARDS).get(key, key)
        self.caption.setText(self.tr("{0}：{1} 单").format(caption, len(rows)))
        self.model.set_rows(rows)


def _duration(row: ComplianceRow) -> str:
    if row.latency is None:
        return ""
    minutes = int(row.latency.total_seconds() // 60)
    return f"{minutes} 分钟" if minutes < 120 else f"{minutes / 60:.1f} 小时"


class BusinessPanelView(QWidget):
    granularity_changed = Signal(str)

    GROUPINGS = (("by_model", "按品牌车型"), ("by_month", "按月份（季节）"), ("by_mileage", "按里程段"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel: BusinessPanel | None = None
        self.cards = {key: Card(key, self.tr(caption)) for key, caption in (
            ("revenue", "营业额"), ("orders", "结算单数"), ("ticket", "客单价"), ("labour", "工时费"),
            ("parts", "配件费"), ("margin", "配件毛利率"))}  # fmt: skip
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)
        self.granularity = QComboBox()
        for key, text in (("day", "按日"), ("week", "按周"), ("month", "按月")):
            self.granularity.addItem(self.tr(text), key)
        self.granularity.setCurrentIndex(2)
        self.revenue = BarChart(self.tr("营业额（元）：工时 / 配件 / 其他"))
        self.revenue.y_format = lambda v: f"{v / 10000:.1f}万" if v >= 10000 else f"{v:.0f}"
        self.items = RowsModel([Column("维修项目", lambda r: r.name), Column("次数", lambda r: r.count, 50),
                                Column("金额", lambda r: yuan(r.amount_fen), 80)])  # fmt: skip
        self.parts = RowsModel([Column("配件", lambda r: r.name), Column("次数", lambda r: r.count, 50),
                                Column("金额", lambda r: yuan(r.amount_fen), 80)])  # fmt: skip
        self.grouping = QComboBox()
        for key, text in self.GROUPINGS:
            self.grouping.addItem(self.tr(text), key)
        self.faults = RowsModel([
            Column("分组", lambda g: g.group, 110), Column("单数", lambda g: g.orders, 50),
            Column("常见故障", lambda g: "；".join(f"{f}×{n}" for f, n in g.faults)),
            Column("常做项目", lambda g: "；".join(f"{f}×{n}" for f, n in g.items)),
        ])  # fmt: skip
        top = QHBoxLayout()
        top.addLayout(cards, 1)
        grid = QGridLayout()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("统计粒度")))
        head.addWidget(self.granularity)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("典型故障")))
        head.addWidget(self.grouping)
        grid.addWidget(self.revenue, 0, 0, 1, 2)
        grid.addWidget(make_table(self.faults), 0, 2, 1, 2)
        grid.addWidget(make_table(self.items), 1, 0, 1, 2)
        grid.addWidget(make_table(self.parts), 1, 2, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(head)
        layout.addLayout(grid, 1)
        self.granularity.currentIndexChanged.connect(self._on_granularity_currentIndexChanged)
        self.grouping.currentIndexChanged.connect(self._on_grouping_currentIndexChanged)

    def show_panel(self, p: BusinessPanel) -> None:
        self.panel = p
        self.cards["revenue"].show_value(yuan(p.revenue_fen))
        self.cards["orders"].show_value(str(p.orders))
        self.cards["ticket"].show_value(yuan(p.average_ticket_fen))
        self.cards["labour"].show_value(yuan(p.labour_fen))
        self.cards["parts"].show_value(yuan(p.parts_fen))
        self.cards["margin"].show_value(pct(p.parts_margin), note=self.tr("仅含录入进价的配件"))
        labels = [f"{int(b.label[5:])}月" if p.granularity == "month" else b.label[5:] for b in p.buckets]
        self.revenue.set_data(labels, [
            Series("工时", tuple(b.labour_fen / 100 for b in p.buckets), "#1565c0"),
            Series("配件", tuple(b.parts_fen / 100 for b in p.buckets), "#ef6c00"),
            Series("其他", tuple(b.other_fen / 100 for b in p.buckets), "#9e9e9e"),
        ])  # fmt: skip
        self.items.set_rows(p.top_items)
        self.parts.set_rows(p.top_parts)
        self._show_groups()

    def _show_groups(self) -> None:
        groups: tuple[FaultGroup, ...] = getattr(self.panel, self.grouping.currentData() or "by_model", ())
        self.faults.set_rows(groups)

    def _on_granularity_currentIndexChanged(self, _index: int) -> None:
        self.granularity_changed.emit(self.granularity.currentData())

    def _on_grouping_currentIndexChanged(self, _index: int) -> None:
        self._show_groups()

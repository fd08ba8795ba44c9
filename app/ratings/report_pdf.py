"""The one-page monthly report (Chinese, A4 portrait): ratings with their change and trend, upload
compliance, and the business figures, with the charts drawn by reportlab's own graphics (Qt-free, so
the CLI and a worker thread can make it). Built through the shared ``build_pdf`` under the font lock.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.domain.money import fen_to_yuan
from app.ratings.aggregate import RatingsDashboard
from app.ratings.business import BusinessPanel
from app.ratings.compliance import CompliancePanel
from app.ratings.dimensions import label
from app.reports.tables import Styles
from app.waste.report_pdf import A4_PORTRAIT, build_pdf

_COLOURS = [colors.HexColor(c) for c in ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#c62828")]


def _fmt(value: float | None, pattern: str = "{:.2f}") -> str:
    return "—" if value is None else pattern.format(value)


def _change(value: float | None) -> str:
    return "" if value is None else f"（{'+' if value >= 0 else ''}{value:.2f}）"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _line_chart(font: str, width: float, title: str, labels: Sequence[str],
                series: Sequence[tuple[str, Sequence[float | None]]]) -> Drawing:  # fmt: skip
    drawing = Drawing(width, 150)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 30, 22, width - 40, 96
    chart.data = [tuple(v for v in values) for _, values in series] or [(0,)]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 1, 5, 1
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 6
    for i, _ in enumerate(series):
        chart.lines[i].strokeColor = _COLOURS[i % len(_COLOURS)]
        chart.lines[i].strokeWidth = 1.2
    drawing.add(chart)
    drawing.add(String(0, 138, title, fontName=font, fontSize=8))
    step = (width - 40) / max(1, len(series))
    for i, (name, _) in enumerate(series):  # the legend on its own line, inside the chart's width
        drawing.add(String(30 + i * step, 127, "■ " + name, fontName=font, fontSize=6,
                           fillColor=_COLOURS[i % len(_COLOURS)]))  # fmt: skip
    return drawing


def _bar_chart(font: str, width: float, title: str, labels: Sequence[str], values: Sequence[float]) -> Drawing:
    drawing = Drawing(width, 150)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 36, 22, width - 46, 100
    chart.data = [tuple(values) or (0,)]
    chart.valueAxis.valueMin = 0
    every = max(1, len(labels) // 8)  # a month of days: every 4th label, so they do not overprint
    chart.categoryAxis.categoryNames = [text if i % every == 0 else "" for i, text in enumerate(labels)]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 6
    chart.bars[0].fillColor = _COLOURS[0]
    drawing.add(chart)
    drawing.add(String(0, 138, title, fontName=font, fontSize=8))
    return drawing


def _figures(styles: Styles, width: float, rows: Sequence[Sequence[str]]) -> Table:
    cells = [[Paragraph(c, styles.text) for c in row] for row in rows]
    table = Table(cells, colWidths=[width / len(rows[0])] * len(rows[0]))
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92))]))  # fmt: skip
    return table


def render_monthly_pdf(shop: str, month: str, ratings: RatingsDashboard, compliance: CompliancePanel,
                       business: BusinessPanel) -> bytes:  # fmt: skip
    """``month`` is shown as written (e.g. "2026年11月"); the three panels are for that month."""

    def make(styles: Styles, width: float) -> list[Flowable]:
        half = width / 2 - 4
        averages = (ratings.overall, *ratings.per_dimension)
        story: list[Flowable] = [
            Paragraph(f"{shop} {month}经营与评价月报", styles.title), Spacer(1, 4),
            Paragraph(f"一、车主评价（{ratings.count} 条，括号内为较上月变化）", styles.heading),
            _figures(styles, width, [["综合" if a.key == "overall" else label(a.key) for a in averages],
                                     [_fmt(a.value) + _change(a.change) for a in averages]]),
            Table([[_line_chart(styles.font, half, "月度趋势", [m[2:] for m, _ in ratings.trend],
                                [(label(d), [v[d] for _, v in ratings.trend]) for d in ratings.dimensions]),
                    _bar_chart(styles.font, half, "评分分布（次数）", [f"{s}星" for s in ratings.distribution],
                               [float(n) for n in ratings.distribution.values()])]],
                  colWidths=[half + 4, half + 4]),
            Paragraph(f"需回访 {len(ratings.followups)} 条；评分最低：" + "；".join(
                f"{r.plate} {r.mean:.1f}分" for r in ratings.lowest[:5]), styles.text),
            Spacer(1, 6),
            Paragraph("二、电子健康档案上传合规", styles.heading),
            _figures(styles, width, [["已结算", "上传率", "1小时内", "24小时内", "被退回", "需关注", "待上传", "每百单警告"],
                                     [str(compliance.settled), _pct(compliance.uploaded_share),
                                      _pct(compliance.within_1h_share), _pct(compliance.within_24h_share),
                                      str(compliance.rejected), str(compliance.attention), str(compliance.pending),
                                      _fmt(compliance.warnings_per_100, "{:.1f}")]]),
            Spacer(1, 6),
            Paragraph("三、经营情况", styles.heading),
            _figures(styles, width, [["营业额", "单数", "客单价", "工时费", "配件费", "配件毛利率"],
                                     [f"¥{fen_to_yuan(business.revenue_fen):,.0f}", str(business.orders),
                                      _fmt(None if business.average_ticket_fen is None else business.average_ticket_fen / 100, "¥{:,.0f}"),
                                      f"¥{business.labour_fen / 100:,.0f}", f"¥{business.parts_fen / 100:,.0f}",
                                      _pct(business.parts_margin)]]),
            Table([[_bar_chart(styles.font, half, "营业额（元）", [b.label[5:] for b in business.buckets],
                               [b.revenue_fen / 100 for b in business.buckets]),
                    _figures(styles, half, [["常做项目", "次数"], *[[r.name, str(r.count)] for r in business.top_items[:6]]])]],
                  colWidths=[half + 4, half + 4]),
            Paragraph("常见故障（按车型）：" + "；".join(
                f"{g.group}：{'、'.join(f for f, _ in g.faults[:2])}" for g in business.by_model[:5]), styles.text),
        ]  # fmt: skip
        return story

    return build_pdf(A4_PORTRAIT, f"{month}经营与评价月报", shop, f"{shop} · {month}月报", make, size=8)

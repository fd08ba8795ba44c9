"""Each dashboard panel as an Excel workbook (openpyxl): the figures first, then the lists behind them,
one sheet per list, with Chinese headers — what an owner forwards to an accountant or a regulator."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.clock import to_local
from app.domain.money import fen_to_yuan
from app.ratings.aggregate import RatingRow, RatingsDashboard
from app.ratings.business import BusinessPanel
from app.ratings.compliance import CompliancePanel, ComplianceRow
from app.ratings.dimensions import label

_HEAD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="DDDDDD")


def _sheet(book: Workbook, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> Worksheet:
    ws = book.create_sheet(title)
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font, cell.fill = _HEAD, _FILL
    for row in rows:
        ws.append(list(row))
    for i, header in enumerate(headers, 1):
        width = max([len(str(header))] + [len(str(r[i - 1])) for r in rows[:200] if len(r) >= i]) + 2
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(max(width * 1.6, 8), 60)
    ws.freeze_panes = "A2"
    return ws


def _save(book: Workbook) -> bytes:
    del book[book.sheetnames[0]]  # the default empty sheet
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _period(start: object, end: object) -> list[object]:
    return ["统计期间", f"{start} 至 {end}（不含）"]


def _rating_rows(rows: Sequence[RatingRow], dims: Sequence[str]) -> list[list[object]]:
    return [[to_local(r.rated_at).strftime("%Y-%m-%d %H:%M"), r.plate, r.costlistcode, r.mean,
             *[r.scores.get(d, "") for d in dims], r.technicians, r.advisor, r.owner_name, r.owner_phone,
             r.fault, r.comment, r.followup_state, r.followup_note] for r in rows]  # fmt: skip


def ratings_workbook(d: RatingsDashboard) -> bytes:
    book = Workbook()
    averages = [_period(d.start, d.end)] + [
        [("综合" if a.key == "overall" else label(a.key)), a.value, a.previous, a.change, a.count]
        for a in (d.overall, *d.per_dimension)
    ]
    _sheet(book, "平均分", ["维度", "本期平均", "上期平均", "变化", "评价数"], averages)
    _sheet(book, "月度趋势", ["月份", *[label(x) for x in d.dimensions]],
           [[month, *[v[x] for x in d.dimensions]] for month, v in d.trend])  # fmt: skip
    _sheet(book, "评分分布", ["星级", "次数"], [[s, n] for s, n in d.distribution.items()])
    headers = ["评价时间", "车牌", "结算清单编号", "均分", *[label(x) for x in d.dimensions], "技师", "服务顾问",
               "车主", "车主电话", "故障描述", "评语", "回访状态", "回访记录"]  # fmt: skip
    _sheet(book, "评分最低", headers, _rating_rows(d.lowest, d.dimensions))
    _sheet(book, "回访清单", headers, _rating_rows(d.followups, d.dimensions))
    _sheet(book, "人员", ["姓名", "岗位", "评价数", "平均分", "排名"],
           [[s.name, "维修技师" if s.role == "technician" else "服务顾问", s.count, s.average,
             s.rank if s.rank is not None else "少于5条不排名"] for s in d.staff])  # fmt: skip
    return _save(book)


def compliance_workbook(p: CompliancePanel, lists: dict[str, Sequence[ComplianceRow]]) -> bytes:
    book = Workbook()
    figures = [
        ["已结算单数", p.settled], ["已上传（已接收）", p.uploaded], ["上传率", p.uploaded_share],
        ["1小时内接收占比", p.within_1h_share], ["24小时内接收占比", p.within_24h_share], ["被退回", p.rejected],
        ["需关注（待传超过24小时）", p.attention], ["待上传", p.pending], ["数据警告条数", p.warnings],
        ["每百单数据警告", p.warnings_per_100], *[[f"用时 {band}", n] for band, n in p.latency_bands],
    ]  # fmt: skip
    _sheet(book, "合规指标", ["指标", "数值"], figures)
    for key, rows in lists.items():
        _sheet(book, key[:28], ["结算时间", "结算清单编号", "车牌", "上传状态", "用时（分钟）", "说明"],
               [[to_local(r.settled_at).strftime("%Y-%m-%d %H:%M"), r.costlistcode, r.plate, r.upload_state,
                 None if r.latency is None else round(r.latency.total_seconds() / 60), r.detail] for r in rows])  # fmt: skip
    return _save(book)


def business_workbook(p: BusinessPanel) -> bytes:
    book = Workbook()
    _sheet(book, "营业额", ["期间", "单数", "工时费（元）", "配件费（元）", "其他（元）", "实收（元）"],
           [[b.label, b.orders, fen_to_yuan(b.labour_fen), fen_to_yuan(b.parts_fen), fen_to_yuan(b.other_fen), fen_to_yuan(b.revenue_fen)]
            for b in p.buckets])  # fmt: skip
    _sheet(book, "汇总", ["指标", "数值"], [
        _period(p.start, p.end), ["单数", p.orders], ["实收（元）", fen_to_yuan(p.revenue_fen)],
        ["客单价（元）", None if p.average_ticket_fen is None else fen_to_yuan(p.average_ticket_fen)],
        ["配件毛利率（仅含录入进价的配件）", p.parts_margin],
    ])  # fmt: skip
    _sheet(book, "常做项目", ["维修项目", "次数", "金额（元）"], [[r.name, r.count, fen_to_yuan(r.amount_fen)] for r in p.top_items])
    _sheet(book, "常用配件", ["配件", "次数", "金额（元）"], [[r.name, r.count, fen_to_yuan(r.amount_fen)] for r in p.top_parts])
    for title, groups in (("故障-车型", p.by_model), ("故障-月份", p.by_month), ("故障-里程", p.by_mileage)):
        _sheet(book, title, ["分组", "单数", "常见故障", "常做项目"],
               [[g.group, g.orders, "；".join(f"{f}×{n}" for f, n in g.faults),
                 "；".join(f"{f}×{n}" for f, n in g.items)] for g in groups])  # fmt: skip
    return _save(book)

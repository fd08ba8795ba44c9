"""审计日志: the owner browses the trail (newest first, a page at a time), filters it by person, action,
object and dates, exports it as CSV, and checks it with "校验审计日志".

The check reads every entry (a million take tens of seconds), so it runs off the GUI thread with a
progress bar, and its verdict is said plainly: green when intact (with how many entries and sealed
records were checked), red naming the first broken entry and what that means, amber when some entries
were signed with a key this PC does not have.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import SHOP_TZ, local_date
from app.i18n import render
from app.security.audit import AuditFilter, AuditRow, VerifyReport
from ui.errors import message_for
from ui.models.audit_model import (
    COL_CHANGES,
    ROW_ROLE,
    AuditModel,
    action_labels,
    change_lines,
    entity_labels,
)
from ui.tasks import run_in_background
from ui.widgets.form_helpers import scaled_font

PAGE_SIZE = 200
TEXT_DEBOUNCE_MS = 300
GREEN, RED, AMBER = ("#1b5e20", "#e8f5e9"), ("#b71c1c", "#ffebee"), ("#7a4500", "#fff4e0")


class _Progress(QObject):
    """Carries verify()'s progress from the worker thread to the GUI thread (queued signals)."""

    total = Signal(int)
    counted = Signal(int)


def _local_midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=SHOP_TZ).astimezone(UTC)


class AuditView(QWidget):
    """Widgets only: filter bar, actions, verdict, table, detail and paging."""

    def __init__(self, model: AuditModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("审计日志"))
        title.setFont(scaled_font(self, 1.4, bold=True))
        self.verify_button = QPushButton(self.tr("校验审计日志"))
        self.export_button = QPushButton(self.tr("导出 CSV…"))
        for button in (self.verify_button, self.export_button):
            button.setMinimumHeight(34)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.export_button)
        head.addWidget(self.verify_button)

        self.actor = QLineEdit(clearButtonEnabled=True, placeholderText=self.tr("操作人姓名"))
        self.actor.setMaximumWidth(160)
        self.action = QComboBox()
        self.action.addItem(self.tr("全部操作"), "")
        for code, text in action_labels().items():
            self.action.addItem(text, code)
        self.entity = QComboBox()
        self.entity.addItem(self.tr("全部对象"), "")
        for code, text in entity_labels().items():
            self.entity.addItem(text, code)
        self.use_dates = QCheckBox(self.tr("日期"))
        self.date_from = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd", enabled=False)
        self.date_to = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd", enabled=False)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("操作人")))
        filters.addWidget(self.actor)
        filters.addWidget(self.action)
        filters.addWidget(self.entity)
        filters.addSpacing(8)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("至")))
        filters.addWidget(self.date_to)
        filters.addStretch(1)

        self.verdict = QLabel(wordWrap=True)
        self.verdict.hide()
        self.locate_button = QPushButton()
        self.locate_button.hide()
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.verdict, 1)
        verdict_row.addWidget(self.locate_button)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("已校验 %v / %m 条"))
        self.progress.hide()

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((64, 150, 100, 140, 170)):
            header.resizeSection(col, width)
        self.detail = QPlainTextEdit(readOnly=True)
        self.detail.setPlaceholderText(self.tr("选中一条记录，这里显示修改前后的全部内容。"))
        self.detail.setMaximumHeight(110)
        self.count = QLabel()
        self.more_button = QPushButton(self.tr("加载更早的记录"))
        self.more_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.more_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addLayout(verdict_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(bottom)

    def show_verdict(self, text: str, colours: tuple[str, str]) -> None:
        fg, bg = colours
        self.verdict.setStyleSheet(f"color: {fg}; background: {bg}; padding: 8px; border-radius: 4px;"
                                   " font-weight: bold;")
        self.verdict.setText(text)
        self.verdict.show()


class AuditPage(QWidget):
    verified = Signal(object)  # VerifyReport, once shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self._before_seq: int | None = None  # "locate": the list starts just after this entry
        self._relay: _Progress | None = None
        self.report: VerifyReport | None = None
        self.model = AuditModel(self)
        self.view = AuditView(self.model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        today = local_date(ctx.clock.now())
        v = self.view
        v.date_to.setDate(QDate(today))
        v.date_from.setDate(QDate(today - timedelta(days=7)))
        self._debounce = QTimer(self, singleShot=True, interval=TEXT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        v.actor.textChanged.connect(self._on_actor_textChanged)
        v.action.currentIndexChanged.connect(self._on_filter_changed)
        v.entity.currentIndexChanged.connect(self._on_filter_changed)
        v.use_dates.toggled.connect(self._on_use_dates_toggled)
        v.date_from.dateChanged.connect(self._on_filter_changed)
        v.date_to.dateChanged.connect(self._on_filter_changed)
        v.more_button.clicked.connect(self._on_more_button_clicked)
        v.verify_button.clicked.connect(self.verify)
        v.export_button.clicked.connect(self._on_export_button_clicked)
        v.locate_button.clicked.connect(self._on_locate_button_clicked)
        v.table.selectionModel().currentRowChanged.connect(self._on_table_currentRowChanged)

    # -- listing -----------------------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        v = self.view
        since = until = None
        if v.use_dates.isChecked():
            start, end = v.date_from.date(), v.date_to.date()
            since = _local_midnight_utc(date(start.year(), start.month(), start.day()))
            until = _local_midnight_utc(date(end.year(), end.month(), end.day()) + timedelta(days=1))
        return AuditFilter(actor=v.actor.text().strip(), action=str(v.action.currentData() or ""),
                           entity=str(v.entity.currentData() or ""), since=since, until=until)

    def refresh(self) -> None:
        """The newest page for the current filter (or the page from a located entry)."""
        self._debounce.stop()
        self._generation += 1
        generation, flt, before, audit = self._generation, self.current_filter(), self._before_seq, self._ctx.audit
        self.view.count.setText(self.tr("正在读取…"))
        self.view.more_button.setEnabled(False)
        run_in_background(self, lambda: (generation, audit.entries(flt, before_seq=before, limit=PAGE_SIZE)),
                          self._on_first_page, self._on_failed)

    def _on_first_page(self, result: tuple[int, list[AuditRow]]) -> None:
        generation, rows = result
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        self._after_page(rows)
        if rows:
            self.view.table.selectRow(0)
        else:
            self.view.detail.clear()

    def _on_more_button_clicked(self) -> None:
        oldest = self.model.oldest_seq()
        if oldest is None:
            return
        generation, flt, audit = self._generation, self.current_filter(), self._ctx.audit
        self.view.more_button.setEnabled(False)
        run_in_background(self, lambda: (generation, audit.entries(flt, before_seq=oldest, limit=PAGE_SIZE)),
                          self._on_next_page, self._on_failed)

    def _on_next_page(self, result: tuple[int, list[AuditRow]]) -> None:
        generation, rows = result
        if generation != self._generation:
            return
        self.model.append_page(rows)
        self._after_page(rows)

    def _after_page(self, rows: list[AuditRow]) -> None:
        shown = self.model.rowCount()
        self.view.count.setText(self.tr("已显示 {0} 条").format(f"{shown:,}") if shown
                                else self.tr("没有符合条件的记录。"))
        self.view.more_button.setEnabled(len(rows) == PAGE_SIZE)

    def _on_failed(self, exc: BaseException) -> None:
        self.view.count.setText("")
        self.view.status.setStyleSheet(f"color: {RED[0]};")
        self.view.status.setText(message_for(exc))

    def _on_table_currentRowChanged(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.siblingAtColumn(COL_CHANGES).data(ROW_ROLE) if current.isValid() else None
        if not isinstance(row, AuditRow):
            self.view.detail.clear()
            return
        head = f"#{row.seq}  {self.model.action_text(row.action)}  {self.model.entity_text(row.entity)} {row.entity_id}"
        self.view.detail.setPlainText("\n".join([head, *change_lines(row)]))

    def _on_actor_textChanged(self, _text: str) -> None:
        self._before_seq = None
        self._debounce.start()

    def _on_filter_changed(self, *_args: object) -> None:
        self._before_seq = None
        self.refresh()

    def _on_use_dates_toggled(self, checked: bool) -> None:
        self.view.date_from.setEnabled(checked)
        self.view.date_to.setEnabled(checked)
        self._on_filter_changed()

    # -- verify ------------------------------------------------------------------------------------------
    def verify(self) -> None:
        v = self.view
        v.verify_button.setEnabled(False)
        v.verdict.hide()
        v.locate_button.hide()
        v.progress.setRange(0, 0)  # busy until the number of entries is known
        v.progress.show()
        relay = self._relay = _Progress(self)
        relay.total.connect(self._on_verify_total)
        relay.counted.connect(v.progress.setValue)
        audit = self._ctx.audit

        def job() -> VerifyReport:
            relay.total.emit(audit.head_seq())
            return audit.verify(relay.counted.emit)

        run_in_background(self, job, self._on_verified, self._on_verify_failed)

    def _on_verify_total(self, total: int) -> None:
        self.view.progress.setRange(0, max(total, 1))

    def _on_verified(self, report: VerifyReport) -> None:
        v = self.view
        v.progress.hide()
        v.verify_button.setEnabled(True)
        self.report = report
        broken = report.problem or report.first_broken is not None or report.seal_problems
        if broken:
            lines = []
            if report.problem:
                lines.append("✖ " + render(report.problem, report.params))
            entities = entity_labels()
            for seq, entity, entity_id in report.seal_problems[:5]:
                lines.append("✖ " + render("audit.seal_broken", {"seq": seq, "entity": entities.get(entity, entity),
                                                                "entity_id": entity_id}))
            if len(report.seal_problems) > 5:
                lines.append(self.tr("……另有 {0} 处").format(len(report.seal_problems) - 5))
            lines.append(self.tr("这说明有人绕过扳手直接改动了数据库文件，或者文件已损坏。请不要再改动这台电脑上的数据，"
                                 "先复制一份数据文件夹留作证据，再联系技术支持；可以从改动之前的备份恢复。"))
            v.show_verdict("\n".join(lines), RED)
            first = report.first_broken or (report.seal_problems[0][0] if report.seal_problems else None)
            if first is not None:
                v.locate_button.setText(self.tr("查看第 {0} 条").format(first))
                v.locate_button.setProperty("seq", first)
                v.locate_button.show()
        elif report.unverifiable:
            lines = [self.tr("⚠ 已检查 {0} 条记录，但有一部分无法校验：").format(f"{report.entries:,}")]
            lines += [render("audit.unverifiable", {"first": first, "last": last, "key_id": key})
                      for first, last, key in report.unverifiable]
            v.show_verdict("\n".join(lines), AMBER)
        else:
            v.show_verdict("✔ " + render("audit.ok", {"entries": f"{report.entries:,}",
                                                       "seals": f"{report.seals_checked:,}"}), GREEN)
        self.verified.emit(report)

    def _on_verify_failed(self, exc: BaseException) -> None:
        self.view.progress.hide()
        self.view.verify_button.setEnabled(True)
        self.view.show_verdict(message_for(exc), RED)

    def _on_locate_button_clicked(self) -> None:
        seq = self.view.locate_button.property("seq")
        if seq is None:
            return
        v = self.view
        for combo in (v.action, v.entity):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        v.actor.blockSignals(True)
        v.actor.clear()
        v.actor.blockSignals(False)
        v.use_dates.blockSignals(True)
        v.use_dates.setChecked(False)
        v.date_from.setEnabled(False)
        v.date_to.setEnabled(False)
        v.use_dates.blockSignals(False)
        self._before_seq = int(seq) + 1
        self.refresh()

    # -- export ------------------------------------------------------------------------------------------
    def _on_export_button_clicked(self) -> None:
        stamp = local_date(self._ctx.clock.now()).strftime("%Y%m%d")
        default = Path.home() / self.tr("审计日志-{0}.csv").format(stamp)
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("导出审计日志"), str(default),
                                                    self.tr("CSV 文件 (*.csv)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Write the filtered trail to ``path`` off the GUI thread; the export itself is recorded."""
        flt, audit = self.current_filter(), self._ctx.audit
        self.view.export_button.setEnabled(False)
        self.view.status.setStyleSheet("")
        self.view.status.setText(self.tr("正在导出…"))

        def job() -> Path:
            data = audit.export_csv(flt)
            path.write_bytes(data)
            return path

        run_in_background(self, job, self._on_exported, self._on_export_failed)

    def _on_exported(self, path: Path) -> None:
        self.view.export_button.setEnabled(True)
        self.view.status.setStyleSheet(f"color: {GREEN[0]};")
        self.view.status.setText(self.tr("已导出到 {0}").format(path))
        self.refresh()  # the export is now the newest entry

    def _on_export_failed(self, exc: BaseException) -> None:
        self.view.export_button.setEnabled(True)
        self.view.status.setStyleSheet(f"color: {RED[0]};")
        self.view.status.setText(message_for(exc) if not isinstance(exc, OSError)
                                 else self.tr("无法写入文件：{0}").format(exc))

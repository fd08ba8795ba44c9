"""Print preview of the settlement list (结算清单), inside the app.

The PDF comes from :func:`app.reports.settlement_list.render_settlement_list` on a worker thread and is
shown with QtPdf, so the clerk sees exactly what will print. Printing renders each PDF page into the
printer's painter at the PDF's own paper size (A4, or the 241 mm continuous form for dot-matrix
printers), so what is on screen, on paper and in the saved file is the same document. The first preview
of a settled order also files the A4 list under ``<data>/结算清单/<yyyy-mm>/`` with a name a person can find
again (settlement number + plate); reprinting is possible at any time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Signal
from PySide6.QtGui import QKeySequence, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import to_local
from app.domain.errors import DomainError
from app.ehr.connection import printable_shop
from app.i18n import language
from app.reports.settlement_list import suggested_filename
from app.services.dto import WorkOrderDetail
from ui.errors import message_for
from ui.tasks import run_in_background

MAX_PRINT_DPI = 300  # enough for laser and dot-matrix; more only makes huge page images


def archive_path(ctx: AppContext, order: WorkOrderDetail) -> Path | None:
    """Where a settled list is filed automatically: ``结算清单/<yyyy-mm of settlement>/<suggested name>``."""
    if order.costlistcode is None or order.settled_at is None:
        return None
    month = to_local(order.settled_at).strftime("%Y-%m")
    return ctx.data_dir.settlement_lists / month / suggested_filename(order, lang=language())


def _render_job(ctx: AppContext, order: WorkOrderDetail, paper: str) -> tuple[bytes, Path | None, str]:
    """Worker-thread part: render the list; file the A4 list of a settled order if not filed yet.

    Returns (pdf bytes for ``paper``, the archived path if it was written now, an archiving error text).
    """
    shop = printable_shop(ctx)
    if shop is None:
        raise DomainError("settle.shop_not_configured", None)
    lang = language()
    data = ctx.settlement.settlement_list_pdf(order, shop, paper=paper, lang=lang)  # checks PRINT
    target = archive_path(ctx, order)
    if target is None or target.exists():
        return data, None, ""
    a4 = data if paper == "a4" else ctx.settlement.settlement_list_pdf(order, shop, paper="a4", lang=lang)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(a4)
    except OSError as exc:
        return data, None, str(exc)
    return data, target, ""


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of ``document`` onto ``printer`` at the PDF's own paper size; return pages printed.

    The printer is set to full-page mode with the first page's size, so a continuous form is not
    rescaled to A4; each page is rasterised at the printer's resolution (capped) by QtPdf.
    """
    pages = document.pageCount()
    if pages == 0:
        return 0
    first = document.pagePointSize(0)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(first, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for page in range(pages):
            if page:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            image = document.render(page, QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72)))
            scale = printer.resolution() / 72
            painter.drawImage(QRectF(0, 0, size_pt.width() * scale, size_pt.height() * scale), image)
    finally:
        painter.end()
    return pages


class PrintPreviewDialog(QDialog):
    """Preview, paper choice, 打印 and 另存为 for one order's settlement list."""

    paper_changed = Signal(str)
    rendered = Signal()

    def __init__(self, ctx: AppContext, order: WorkOrderDetail, paper: str = "a4", parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._order = order
        self._generation = 0
        self.pdf_bytes: bytes | None = None
        self.archived: Path | None = None
        self._buffer: QBuffer | None = None
        self.setWindowTitle(self.tr("结算清单 — 打印预览"))
        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("A4 纵向"), "a4")
        self.paper.addItem(self.tr("241 mm 连续纸（针式打印机）"), "continuous")
        self.paper.setCurrentIndex(max(self.paper.findData(paper), 0))
        self.print_button = QPushButton(self.tr("打印 (Ctrl+P)"), self)
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.save_button = QPushButton(self.tr("另存为 (Ctrl+Shift+S)"), self)
        self.save_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.close_button = QPushButton(self.tr("关闭"), self)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self._lay_out()
        self.paper.currentIndexChanged.connect(self._on_paper_current_index_changed)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button.clicked.connect(self.accept)
        self.resize(900, 700)
        self._render()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("纸张"), self))
        bar.addWidget(self.paper)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pdf_view, 1)
        layout.addWidget(self.status)

    def current_paper(self) -> str:
        return str(self.paper.currentData())

    def is_ready(self) -> bool:
        return self.pdf_bytes is not None and self.document.status() == QPdfDocument.Status.Ready

    # -- rendering --------------------------------------------------------------------------------------
    def _render(self) -> None:
        self._generation += 1
        generation, ctx, order, paper = self._generation, self._ctx, self._order, self.current_paper()
        self.pdf_bytes = None
        self._set_actions_enabled(False)
        self.status.setText(self.tr("正在生成结算清单…"))
        run_in_background(
            self,
            lambda: (generation, *_render_job(ctx, order, paper)),
            self._on_rendered,
            self._on_render_failed,
        )

    def _on_rendered(self, result: tuple[int, bytes, Path | None, str]) -> None:
        generation, data, archived, archive_error = result
        if generation != self._generation:
            return  # the paper changed while this one was rendering
        self.pdf_bytes = data
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if archived is not None:
            self.archived = archived
        messages = [self.tr("共 {0} 页").format(self.document.pageCount())]
        if archived is not None:
            messages.append(self.tr("已自动保存到 {0}").format(archived))
        if archive_error:
            messages.append(self.tr("自动保存失败：{0}。可以用“另存为”保存。").format(archive_error))
        self.status.setText(" · ".join(messages))
        self._set_actions_enabled(True)
        self.rendered.emit()

    def _on_render_failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
        self.status.setStyleSheet("color: #c62828;")
        self.paper.setEnabled(True)

    def _set_actions_enabled(self, enabled: bool) -> None:
        self.print_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self.paper.setEnabled(enabled)

    # -- actions ----------------------------------------------------------------------------------------
    def default_save_path(self) -> Path:
        folder = self._ctx.data_dir.settlement_lists
        return folder / suggested_filename(self._order, lang=language())

    def save_to(self, path: Path) -> bool:
        """Write the previewed PDF to ``path``; a failure is said in the status line, never a traceback."""
        if self.pdf_bytes is None:
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.pdf_bytes)
        except OSError as exc:
            self.status.setText(self.tr("保存失败：{0}").format(exc))
            return False
        self.status.setText(self.tr("已保存到 {0}").format(path))
        return True

    def print_to(self, printer: QPrinter) -> int:
        return print_document(self.document, printer)

    def _on_paper_current_index_changed(self, _index: int) -> None:
        self.paper_changed.emit(self.current_paper())
        self._render()

    def _on_print_button_clicked(self) -> None:
        if not self.is_ready():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(suggested_filename(self._order, lang=language()).removesuffix(".pdf"))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pages = self.print_to(printer)
            self.status.setText(self.tr("已发送 {0} 页到打印机").format(pages))

    def _on_save_button_clicked(self) -> None:
        default = self.default_save_path()
        default.parent.mkdir(parents=True, exist_ok=True)
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("另存为"), str(default), self.tr("PDF 文件 (*.pdf)"))
        if name:
            self.save_to(Path(name))

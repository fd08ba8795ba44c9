"""导入评价: pick a provincial portal export (.csv / .xlsx), see a preview and every row error, then
import all of it or nothing. Reading, checking and writing run off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import to_local
from app.i18n import render
from app.ratings import ImportPreview, IngestResult, RatingsService
from app.ratings.dimensions import label
from ui.pages.dashboard_widgets import Column, RowsModel, make_table
from ui.tasks import run_in_background


class RatingsImportDialog(QDialog):
    def __init__(self, ratings: RatingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入评价（省平台导出文件）"))
        self.resize(900, 560)
        self._ratings = ratings
        self.preview: ImportPreview | None = None
        self.result: IngestResult | None = None
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.browse_button = QPushButton(self.tr("选择文件…"))
        self.summary = QLabel(self.tr("支持 .csv 和 .xlsx；列名按省份配置对应（默认上海平台字段名）。"))
        self.summary.setWordWrap(True)
        dims = ratings.dimensions
        self.model = RowsModel([
            Column("车牌", lambda r: r.plate, 90), Column("结算清单编号", lambda r: r.costlistcode, 160),
            Column("评价时间", lambda r: to_local(r.rated_at).strftime("%Y-%m-%d %H:%M"), 130),
            *[Column(label(d), lambda r, d=d: r.scores.get(d, ""), 64) for d in dims],
            Column("评语", lambda r: r.comment),
        ])  # fmt: skip
        self.errors = QListWidget()
        self.errors.setMaximumHeight(120)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("全部导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(make_table(self.model), 1)
        layout.addWidget(QLabel(self.tr("错误（有错误时不导入任何一行）")))
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self._on_import_button_clicked)

    def _on_browse_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择评价导出文件"), "",
                                              self.tr("评价导出 (*.csv *.xlsx)"))  # fmt: skip
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.path.setText(str(path))
        self.summary.setText(self.tr("正在读取…"))
        self.import_button.setEnabled(False)
        run_in_background(self, lambda: self._ratings.preview_file(path), self.show_preview)

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.ratings)
        self.errors.clear()
        for error in preview.errors:
            self.errors.addItem(self.tr("第 {0} 行：{1}").format(error.row, render(error.code, error.params)))
        new = len(preview.ratings) - preview.already_stored
        self.summary.setText(self.tr("{0} 行可导入（其中 {1} 条以前已导入，将跳过），{2} 行有错误。").format(
            len(preview.ratings), preview.already_stored, len(preview.errors)))  # fmt: skip
        self.import_button.setEnabled(preview.importable and new > 0)

    def _on_import_button_clicked(self) -> None:
        preview = self.preview
        if preview is None:
            return
        self.import_button.setEnabled(False)
        run_in_background(self, lambda: self._ratings.import_preview(preview), self._on_imported)

    def _on_imported(self, result: IngestResult) -> None:
        self.result = result
        self.accept()

"""File > Export for the GPO…: a week, what its files will say, the folder, then the files.

The supervisor picks an ISO week (the last complete one first); its summary per sector
and its hot spots are read on the task runner, a progress bar moving as the week's calls
go by, and shown exactly as the files will hold them. « Save » writes the three files on
the runner too, then lists them with their rows, or says in one sentence why nothing was
written. « Save the brief (PDF) » writes the week's one- or two-page brief beside them:
its figures are read on the runner, painted here (Qt Charts belong to the GUI thread, and
painting takes a few hundredths of a second), and the file saved on the runner. The window
never waits on the database, and closing the dialog while a reading or an export runs is
safe: the export finishes on the worker (its files whole, its audit row written) and
nothing is answered to the dialog gone.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operline.actors import Actor
from operline.errors import InvalidInput, OperlineError
from operline.figures.buckets import IsoWeek
from operline.gpo.brief import save_gpo_brief
from operline.gpo.brief_figures import BriefFigures, read_brief_figures
from operline.gpo.export import ExportedFile, GpoExport, export_gpo_week
from operline.gpo.preview import GpoPreview, preview_gpo_week
from operline.gpo.week import check_week_is_over, last_complete_week
from operline.ui import palette, shortcuts
from operline.ui.desk_context import DeskContext
from operline.ui.gpo.brief import paint_brief
from operline.ui.gpo.preview_tables import HotSpotTable, SummaryTable
from operline.ui.gpo.week_picker import WeekPicker
from operline.ui.messages import error_sentence

#: Where the folder chosen is remembered, on this computer.
FOLDER_SETTING = "gpo/export_folder"
#: A week stepped through quickly is read once the keys rest this long.
SETTLE_MS = 250


class GpoExportDialog(QDialog):
    """The week, its preview, the folder, and « Save »."""

    #: A week's preview was shown (carries the ``GpoPreview``).
    preview_shown = Signal(object)
    #: The files were written (carries the ``GpoExport``).
    exported = Signal(object)

    def __init__(
        self,
        context: DeskContext,
        *,
        actor: Actor,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gpoExportDialog")
        self.setWindowTitle(self.tr("Export for the GPO"))
        self.setAccessibleName(self.tr("Export for the GPO"))
        self._context = context
        self._actor = actor
        self._settings = settings if settings is not None else QSettings()
        #: The preview shown, once read, and the export written, once saved.
        self.preview: GpoPreview | None = None
        self.written: GpoExport | None = None
        self._reading: IsoWeek | None = None

        self.picker = WeekPicker(last_complete_week(context.clock()), self)
        self.problem = QLabel(self)
        self.problem.setObjectName("gpoProblem")
        self.problem.setWordWrap(True)
        palette.styled(self.problem, "color: $problem; font-weight: bold;")
        self.problem.hide()
        self.summary_label = QLabel(self.tr("S&ummary per sector"), self)
        self.summary = SummaryTable(self)
        self.summary_label.setBuddy(self.summary)
        self.hotspots_label = QLabel(self.tr("&Hot spots (the places with the most calls)"), self)
        self.hotspots = HotSpotTable(self)
        self.hotspots_label.setBuddy(self.hotspots)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("gpoProgressLabel")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("gpoProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setTextVisible(False)

        self.folder_label = QLabel(self.tr("&Folder:"), self)
        self.folder = QLineEdit(self)
        self.folder.setObjectName("gpoFolder")
        self.folder.setAccessibleName(self.tr("Folder the files are written to"))
        self.folder.setText(str(self._settings.value(FOLDER_SETTING, str(Path.home()))))
        self.folder_label.setBuddy(self.folder)
        self.choose_button = QPushButton(self.tr("Ch&oose…"), self)
        self.choose_button.setObjectName("gpoChooseFolder")
        self.choose_button.setAccessibleName(self.tr("Choose the folder"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_folder)
        self.files = QLabel(self)
        self.files.setObjectName("gpoFilesWritten")
        self.files.setWordWrap(True)
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files.hide()

        self.buttons = QDialogButtonBox(self)
        self.buttons.setObjectName("gpoButtons")
        self.save_button = self.add_button(
            self.tr("&Save"), "gpoSave", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.brief_button = self.add_button(
            self.tr("Save the &brief (PDF)"), "gpoBrief", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.brief_button.clicked.connect(self.save_brief)
        self.close_button = self.add_button(
            self.tr("Close"), "gpoClose", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.clicked.connect(self.reject)
        self._lay_out()
        self._keys()

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.read_preview)
        self.picker.week_chosen.connect(self._week_chosen)
        self.picker.refused.connect(self._tell)
        # A desk screen is 1366×768: the sixteen columns of the summary fit across.
        self.resize(1280, 700)
        self.picker.field.setFocus()
        self.read_preview()

    def _lay_out(self) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.problem)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.summary, 2)
        layout.addWidget(self.hotspots_label)
        layout.addWidget(self.hotspots, 3)
        layout.addLayout(progress_row)
        layout.addLayout(folder_row)
        layout.addWidget(self.files)
        layout.addWidget(self.buttons)
        picker = self.picker
        order = [picker.field, picker.previous_button, picker.next_button, self.summary,
                 self.hotspots, self.folder, self.choose_button, self.save_button,
                 self.brief_button, self.close_button]  # fmt: skip
        for first, then in pairwise(order):
            QWidget.setTabOrder(first, then)

    def _keys(self) -> None:
        for name, key, weeks in (
            ("gpoPreviousWeekAction", shortcuts.PREVIOUS_WEEK, -1),
            ("gpoNextWeekAction", shortcuts.NEXT_WEEK, 1),
        ):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcuts(key.sequences())
            action.triggered.connect(lambda _checked=False, step=weeks: self.picker.step(step))
            self.addAction(action)

    def add_button(self, text: str, name: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        """A button of the dialog's row, beside « Save »: where actions on the week go."""
        button = self.buttons.addButton(text, role)
        assert button is not None
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        if role is not QDialogButtonBox.ButtonRole.AcceptRole:
            button.setAutoDefault(False)
        return button

    @property
    def week(self) -> IsoWeek:
        return self.picker.week

    def chosen_folder(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    # The preview, on the runner

    def _week_chosen(self, _week: IsoWeek) -> None:
        self.files.hide()
        self._settle.start()

    def read_preview(self) -> None:
        """Read the preview of the week shown, unless it is not over (said at once)."""
        self._settle.stop()
        week, now = self.week, self._context.clock()
        try:
            check_week_is_over(week, now)
        except InvalidInput as refused:
            self._no_preview(error_sentence(refused))
            self.save_button.setEnabled(False)
            self.brief_button.setEnabled(False)
            return
        self.save_button.setEnabled(True)
        self.brief_button.setEnabled(True)
        if self._reading is not None:
            return  # one reading at a time; the week shown is read when it answers
        self._reading = week
        self.problem.hide()
        self._started(self.tr("Reading the calls of {week}…").format(week=week))
        actor = self._actor
        self._context.runner.run_reporting(
            lambda database, progress: preview_gpo_week(
                database, week, actor=actor, now=now, progress=progress
            ),
            self._preview_read,
            self._preview_refused,
            progress=self._moved,
            owner=self,
        )

    def _preview_read(self, preview: GpoPreview) -> None:
        self._reading = None
        if preview.week != self.week:
            self.read_preview()  # another week was chosen meanwhile
            return
        self.preview = preview
        self.summary.show_preview(preview)
        self.hotspots.show_preview(preview)
        self._finished(
            self.tr("%Ln call(s) in {week}.", "", preview.calls).format(week=preview.week)
        )
        self.preview_shown.emit(preview)

    def _preview_refused(self, error: OperlineError) -> None:
        self._reading = None
        self._no_preview(error_sentence(error))

    def _no_preview(self, sentence: str) -> None:
        self.preview = None
        self.summary.clear_rows()
        self.hotspots.clear_rows()
        self._finished("")
        self._tell(sentence)

    # The export, on the runner

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the GPO files"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)
            self._settings.setValue(FOLDER_SETTING, chosen)

    def _folder_given(self) -> bool:
        if self.folder.text().strip():
            return True
        self._tell(self.tr("Choose the folder the files are written to."))
        self.folder.setFocus()
        return False

    def save(self) -> None:
        """Write the week's three files into the folder, off the GUI thread."""
        if not self.save_button.isEnabled() or not self._folder_given():
            return
        week, folder, actor, now = (
            self.week,
            self.chosen_folder(),
            self._actor,
            self._context.clock(),
        )
        self.problem.hide()
        self.files.hide()
        self._started(self.tr("Writing the files of {week}…").format(week=week))
        self._context.runner.run_reporting(
            lambda database, progress: export_gpo_week(
                database, week, folder, actor=actor, now=now, progress=progress
            ),
            self._saved,
            self._not_saved,
            progress=self._moved,
            owner=self,
            busy=self._busy_saving(),
        )

    def _busy_saving(self) -> tuple[QWidget, ...]:
        return (self.save_button, self.brief_button, self.picker)

    def _saved(self, written: GpoExport) -> None:
        self.written = written
        folder = written.files[0].path.parent
        self._settings.setValue(FOLDER_SETTING, str(folder))
        lines = [self.tr("Files written in {folder}:").format(folder=folder)]
        lines += [
            "    " + self.tr("{name} — %Ln row(s)", "", file.rows).format(name=file.path.name)
            for file in written.files
        ]
        self.files.setText("\n".join(lines))
        self.files.setAccessibleName(self.files.text())
        self.files.show()
        self._finished(self.tr("The files of {week} are written.").format(week=written.week))
        self.exported.emit(written)

    def _not_saved(self, error: OperlineError) -> None:
        self._finished("")
        self._tell(error_sentence(error))

    # The brief: read on the runner, painted here, saved on the runner

    def save_brief(self) -> None:
        """Write the week's brief (PDF) into the folder; the database is read off the GUI
        thread."""
        if not self.brief_button.isEnabled() or not self._folder_given():
            return
        week, actor, now = self.week, self._actor, self._context.clock()
        self.problem.hide()
        self.files.hide()
        self._started(self.tr("Reading the brief of {week}…").format(week=week))
        self.progress.setRange(0, 0)  # the brief's reading tells no progress: a busy bar
        self._context.runner.run(
            lambda database: read_brief_figures(database, week, actor=actor, now=now),
            self._brief_read,
            self._not_saved,
            owner=self,
            busy=self._busy_saving(),
        )

    def _brief_read(self, figures: BriefFigures) -> None:
        folder, actor, now = self.chosen_folder(), self._actor, self._context.clock()
        pdf, pages = paint_brief(figures, printed_by=actor.name, at=now)
        self._context.runner.run(
            lambda database: save_gpo_brief(
                database, figures.week, pdf, folder, pages=pages, actor=actor, now=now
            ),
            self._brief_saved,
            self._not_saved,
            owner=self,
            busy=self._busy_saving(),
        )

    def _brief_saved(self, written: ExportedFile) -> None:
        self._settings.setValue(FOLDER_SETTING, str(written.path.parent))
        self.files.setText(
            self.tr("Brief written: {path} — %Ln page(s)", "", written.rows).format(
                path=written.path
            )
        )
        self.files.setAccessibleName(self.files.text())
        self.files.show()
        self._finished(self.tr("The brief of {week} is written.").format(week=self.week))

    # Progress and sentences

    def _started(self, what: str) -> None:
        self.progress_label.setText(what)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)

    def _moved(self, done: int, total: int) -> None:
        # Several thousand calls a step: the bar counts in calls, its text in percent.
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _finished(self, what: str) -> None:
        self.progress_label.setText(what)
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if what else 0)
        self.progress.setTextVisible(bool(what))  # no « 0 % » on a bar with nothing done

    def _tell(self, sentence: str) -> None:
        self.problem.setText("⚠ " + sentence)
        self.problem.setAccessibleName(sentence)
        self.problem.show()

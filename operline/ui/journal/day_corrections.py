"""Corrections in the day log: the dialog on the call under the cursor, and its conflicts.

The call is read off the GUI thread when the dialog opens; the correction is written at
the version read. When another desk changed the call meanwhile, the correction dialog
closes and the conflict dialog shows the call as it is now beside the correction, which
the supervisor may apply over it (the same correction, at the version now current).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction

from operline.actors import Actor
from operline.changes import Changes, IncidentChange
from operline.db.engine import Database
from operline.errors import OperlineError
from operline.incidents.conflicts import Conflict, IncidentConflict
from operline.incidents.corrections import (
    Corrected,
    Correction,
    CorrectionChoices,
    correct_incident,
    correction_choices,
)
from operline.incidents.timeline import IncidentDetail, read_incident
from operline.paris_time import Clock
from operline.ui.conflict_dialog import ConflictDialog
from operline.ui.journal.cells import COLUMN_FIELDS, JournalColumn
from operline.ui.journal.correction_dialog import CorrectionDialog, Reply
from operline.ui.refusals import action_problem
from operline.ui.table_model import INCIDENT_ID_ROLE
from operline.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from operline.ui.journal.view import JournalView


class DayLogCorrections(QObject):
    """The correction of a call from the day log, and the conflicts it may meet."""

    def __init__(
        self,
        view: JournalView,
        runner: TaskRunner,
        action: QAction,
        *,
        actor: Callable[[], Actor],
        clock: Clock,
        publish: Callable[[Changes], None],
        signed_off: Callable[[], bool],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._runner = runner
        self._action = action
        self._actor = actor
        self._clock = clock
        self._publish = publish
        self._signed_off = signed_off
        #: The correction dialog, while it is open.
        self.dialog: CorrectionDialog | None = None
        #: The two versions of a correction refused for a conflict, while they are shown.
        self.conflict: ConflictDialog | None = None

    def correct_selected(self) -> None:
        """Open the correction dialog on the call under the cursor, at its column's field."""
        index = self._view.table.currentIndex()
        incident_id = self._view.model.data(index, INCIDENT_ID_ROLE)
        if not isinstance(incident_id, int):
            self._view.notice.emit(
                QCoreApplication.translate("DayLog", "Select a call first (arrow keys).")
            )
            return
        column = JournalColumn(index.column()) if index.isValid() else JournalColumn.TIME
        actor, now = self._actor(), self._clock()

        def read(database: Database) -> tuple[IncidentDetail, CorrectionChoices]:
            detail = read_incident(database, incident_id, actor=actor, now=now)
            return detail, correction_choices(database)

        self._runner.run(
            read,
            lambda found: self._open_dialog(*found, column),
            lambda error: self._view.notice.emit(action_problem(error)),
            owner=self,
            busy=(self._action,),
        )

    def _open_dialog(
        self, detail: IncidentDetail, choices: CorrectionChoices, column: JournalColumn
    ) -> None:
        dialog = CorrectionDialog(
            detail,
            choices,
            lambda correction, reply: self._record(detail, correction, reply),
            field=COLUMN_FIELDS.get(column),
            signed_off=self._signed_off(),
            parent=self._view,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _record(
        self,
        detail: IncidentDetail,
        correction: Correction,
        reply: Reply | None,
        version: int | None = None,
    ) -> None:
        """Correct the call at the version read (unless told); a conflict shows both versions,
        and applying the correction there runs it again at the version now current."""
        actor, now = self._actor(), self._clock()
        at_version = detail.version if version is None else version

        def done(corrected: Corrected) -> None:
            if reply is not None:
                reply(None)
            self._publish(corrected.changes)
            self._view.notice.emit(
                QCoreApplication.translate(
                    "DayLog", "{reference} corrected; the timeline keeps the value recorded."
                ).format(reference=corrected.reference)
            )

        def refused(error: OperlineError) -> None:
            if isinstance(error, IncidentConflict):
                if reply is not None:
                    reply(None)  # the correction dialog read the call as it was
                self._publish(Changes.of_incident(detail.incident_id, IncidentChange.CORRECTED))
                self._offer(detail, correction, error.conflict)
            elif reply is not None:
                reply(action_problem(error))
            else:
                self._view.notice.emit(action_problem(error))

        self._runner.run(
            lambda database: correct_incident(
                database, detail.incident_id, correction, version=at_version, actor=actor, now=now
            ),
            done,
            refused,
            owner=self,
        )

    def _offer(self, detail: IncidentDetail, correction: Correction, conflict: Conflict) -> None:
        dialog = ConflictDialog(
            conflict,
            now=self._clock(),
            apply=lambda version: self._record(detail, correction, None, version),
            parent=self._view,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._conflict_closed(dialog))
        self.conflict = dialog
        dialog.open()

    def _conflict_closed(self, dialog: ConflictDialog) -> None:
        if self.conflict is not dialog:
            return  # applying met another conflict, shown in its own dialog already
        self.conflict = None
        self._view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _dialog_closed(self) -> None:
        self.dialog = None
        self._view.table.setFocus(Qt.FocusReason.OtherFocusReason)

"""Ctrl+Z on the board: take back the last step recorded here, within a few minutes.

The step undone is the last one this desk recorded (the call may have left the board if
it was a close), else the last step of the call under the cursor. The service decides
whether it may still be undone; its refusal is one translated sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from operline.changes import Changes, IncidentChange
from operline.errors import OperlineError
from operline.incidents.events import IncidentChanged
from operline.incidents.stages import IncidentState
from operline.incidents.undo import UndoRefused, undo_last_stage
from operline.ui import shortcuts
from operline.ui.board.actions import BoardCursor, StageKeys
from operline.ui.board.stage_dialogs import stage_refusal
from operline.ui.desk_context import DeskContext
from operline.ui.labels import status_label
from operline.ui.messages import error_sentence


def undo_refusal(error: OperlineError) -> str:
    """One sentence for what stopped an undo (declared in ``operline.incidents.undo``)."""
    if isinstance(error, UndoRefused):
        return error_sentence(error)
    return stage_refusal(error)


class UndoKey(QObject):
    """The board's Ctrl+Z."""

    def __init__(
        self, board: QWidget, desk: DeskContext, cursor: BoardCursor, keys: StageKeys
    ) -> None:
        super().__init__(board)
        self.setObjectName("undoKey")
        self.board = board
        self.desk = desk
        self.cursor = cursor
        #: The stage keys: the last step they recorded is the one undone.
        self.keys = keys
        self.action = QAction(self.tr("Undo my last step"), board)
        self.action.setObjectName("undoStepAction")
        shortcuts.UNDO_STEP.bind(self.action)
        # Only while the focus is on the board: Ctrl+Z in a form's field undoes typing.
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.triggered.connect(self.undo)
        board.addAction(self.action)

    def undo(self) -> None:
        """Ask the service to take back the last step, then say what was undone."""
        desk, cursor, keys = self.desk, self.cursor, self.keys
        if desk.operator() is None:
            cursor.say(self.tr("Nobody is signed in at this desk: sign in first."), problem=True)
            return
        last = keys.last_step
        if last is not None:
            incident_id, version, told = last[0].incident_id, last[0].version, last[1]
        else:
            selected = cursor.selected_incident()
            if selected is None:
                cursor.say(self.tr("No step recorded here to undo."), problem=True)
                return
            incident_id, version, told = selected.incident_id, selected.version, ""
        actor, now = desk.actor(), desk.clock()
        changes = desk.changes

        def undone(state: IncidentState) -> None:
            keys.last_step = None
            changes.publish(state.changes)
            stage = status_label(state.status)
            if told:
                sentence = self.tr("Undone: {step} {reference} is back at stage {stage}.")
            else:
                sentence = self.tr("Last step undone: {reference} is back at stage {stage}.")
            cursor.say(sentence.format(step=told, reference=state.reference, stage=stage))

        def refused(error: OperlineError) -> None:
            if isinstance(error, IncidentChanged):
                changes.publish(Changes.of_incident(incident_id, IncidentChange.STAGE))
            cursor.say(undo_refusal(error), problem=True)

        desk.runner.run(
            lambda database: undo_last_stage(
                database, incident_id, version=version, actor=actor, now=now
            ),
            undone,
            refused,
            owner=self.board,
            busy=(*keys.actions(), self.action),
        )

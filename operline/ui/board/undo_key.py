"""Ctrl+Z on the board: take back the last step recorded here, within a few minutes.

The step undone is the last one this desk recorded (the call may have left the board if
it was a close), else the last step of the call under the cursor. The service decides
whether it may still be undone; its refusal is one translated sentence.

When another desk changed the call since it was read, the conflict dialog shows the call
now beside what the undo would have put back, read only: an undo names no values of its
own, it takes back whatever the call's last step is. Applied again at the version now
current it could take back a step another desk has built on, or put back the times a
supervisor has corrected since (a correction is not a step, so the replay of the
timeline that an undo restores from does not see it). The operator looks at the call as
it is now and, if the step still needs undoing, presses Ctrl+Z again on it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from operline.changes import Changes, IncidentChange
from operline.errors import OperlineError
from operline.incidents.conflicts import IncidentConflict
from operline.incidents.events import IncidentChanged
from operline.incidents.stages import IncidentState
from operline.incidents.undo import UndoRefused, undo_last_stage
from operline.ui import shortcuts
from operline.ui.board.actions import BoardCursor, StageKeys
from operline.ui.board.stage_dialogs import stage_refusal
from operline.ui.conflict_dialog import ConflictDialog, conflict_notice
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
            if not isinstance(error, IncidentConflict):
                cursor.say(undo_refusal(error), problem=True)
                return
            # The step told no longer stands as this desk saw it: the next Ctrl+Z takes
            # the call under the cursor, at the version the board now shows.
            keys.last_step = None
            cursor.say(conflict_notice(error.conflict), problem=True)
            advice = self.tr(
                "An undo is not applied over another desk's change: look at the call as it "
                "is now, and press {key} again on it if its last step still needs undoing."
            ).format(key=shortcuts.UNDO_STEP.key_text())
            keys.open_dialog(
                ConflictDialog(
                    error.conflict, now=desk.clock(), apply=None, advice=advice, parent=self.board
                )
            )

        desk.runner.run(
            lambda database: undo_last_stage(
                database, incident_id, version=version, actor=actor, now=now
            ),
            undone,
            refused,
            owner=self.board,
            busy=(*keys.actions(), self.action),
        )

"""The desk's settings, for a supervisor: one field a declared setting, checked on saving.

The fields come from ``operline.settings.SETTINGS``, so a setting declared there appears
here without more code. Values are read and written through the desk's runner; a value
the service refuses is told under the buttons and nothing is lost of what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from operline.actors import Actor
from operline.changes import Changes
from operline.db.engine import Database
from operline.errors import OperlineError
from operline.phones import format_phone
from operline.settings import (
    SETTINGS,
    SUPERVISOR_PHONE,
    DeskSettings,
    SettingRefused,
    read_settings,
    write_settings,
)
from operline.ui import palette
from operline.ui.desk_context import DeskContext
from operline.ui.messages import error_sentence

_CONTEXT = "SettingsDialog"
#: What each setting is called on screen; a setting without one shows its key.
_LABELS = {
    "alerts.urgent_ack_minutes": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Urgent call turns amber after (minutes without acknowledgement)"
    ),
    "alerts.normal_ack_minutes": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Normal call turns amber after (minutes without acknowledgement)"
    ),
    "desk.supervisor_phone": QT_TRANSLATE_NOOP("SettingsDialog", "Supervisor on call (phone)"),
    "desk.late_entry_hours": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Ask before saving a call received more than (hours ago)"
    ),
    "desk.name": QT_TRANSLATE_NOOP("SettingsDialog", "Desk's name (head of the day log)"),
    "desk.undo_minutes": QT_TRANSLATE_NOOP(
        "SettingsDialog", "A step can be undone (Ctrl+Z) for (minutes)"
    ),
    "privacy.notes_days": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Erase a call's notes after it is closed (days)"
    ),
    "privacy.anonymise_after_years": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Anonymise a call after (years)"
    ),
    "audit.months_kept": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Audit entries are kept for (months, 12 to 36)"
    ),
    "desk.idle_lock_minutes": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Mask the window after (minutes without a key or a click, 30 at most)"
    ),
    "backup.every_hours": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Automatic backup of the SQLite file every (hours, 1 to 24)"
    ),
    "display.high_contrast": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Open the window in high contrast (1 yes, 0 no)"
    ),
}


class SettingsDialog(QDialog):
    """Every shared setting in one form; Save writes those that changed."""

    def __init__(self, desk: DeskContext, *, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Desk settings"))
        self.setAccessibleName(self.tr("Desk settings"))
        self._desk = desk
        self._actor = actor
        self._shown: dict[str, str] = {}
        self.fields: dict[str, QLineEdit] = {}

        intro = QLabel(self.tr("Shared by every desk of this database. Each change is audited."))
        intro.setWordWrap(True)
        form = QFormLayout()
        for setting in SETTINGS:
            field = QLineEdit(self)
            field.setObjectName(f"setting:{setting.key}")
            label = _label(setting.key)
            field.setAccessibleName(label)
            field.setEnabled(False)  # until the values are read
            form.addRow(label, field)
            self.fields[setting.key] = field
        self.problem = QLabel(self)
        self.problem.setObjectName("settingsProblem")
        self.problem.setWordWrap(True)
        palette.styled(self.problem, "color: $problem; font-weight: bold;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        desk.runner.run(read_settings, self._show, self._refused, owner=self)

    def save(self) -> None:
        """Write the settings whose field changed, all together or none if one is refused."""
        changed = {
            key: field.text().strip()
            for key, field in self.fields.items()
            if field.text().strip() != self._shown.get(key, "")
        }
        if not changed:
            self.accept()
            return
        actor, now = self._actor, self._desk.clock()

        def write(database: Database) -> DeskSettings:
            return write_settings(database, changed, actor=actor, now=now)

        self.problem.hide()
        self._desk.runner.run(write, self._saved, self._refused, owner=self, busy=(self.buttons,))

    def _show(self, settings: DeskSettings) -> None:
        for setting in SETTINGS:
            value = getattr(settings, setting.attribute)
            if setting is SUPERVISOR_PHONE and value:
                value = format_phone(str(value))
            self._shown[setting.key] = str(value)
            self.fields[setting.key].setText(str(value))
            self.fields[setting.key].setEnabled(True)
        self.buttons.setEnabled(True)
        next(iter(self.fields.values())).setFocus()

    def _saved(self, _settings: DeskSettings) -> None:
        self._desk.changes.publish(Changes(settings=True))
        self.accept()

    def _refused(self, error: OperlineError) -> None:
        if isinstance(error, SettingRefused):
            sentence = self.tr("Not saved: the value of “{field}” was refused ({reason}).").format(
                field=_label(error.key), reason=_reason(error)
            )
        else:
            sentence = error_sentence(error)
        self.problem.setText(sentence)
        self.problem.setAccessibleName(sentence)
        self.problem.show()


def _reason(refused: SettingRefused) -> str:
    return refused.reason.told(QCoreApplication.translate)


def _label(key: str) -> str:
    return QCoreApplication.translate(_CONTEXT, str(_LABELS.get(key, key)))

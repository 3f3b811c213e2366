"""A desk that types a call and waits to be killed: the crash half of test_draft_recovery.

Run as ``python -m tests.ui.draft_crash_desk DATABASE_URL DRAFTS_FOLDER NOW`` with the
offscreen Qt platform; it prints "typed" once the call is in the form, then waits.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from operline.actors import command_line_actor
from operline.db.engine import open_database
from operline.drafts import DraftStore
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.intake.desk_view import DeskView
from operline.ui.tasks import TaskRunner
from tests.ui.desk_helpers import type_into


def main(database_url: str, drafts: str, now: str) -> int:
    app = QApplication(sys.argv[:1])
    instant = datetime.fromisoformat(now)
    view = DeskView(
        DeskContext(
            TaskRunner(open_database(database_url)),
            lambda: instant,
            lambda: None,
            ChangeBus(),
            command_line_actor,
        ),
        drafts=DraftStore(Path(drafts)),
    )
    view.show()
    view.start_new_call()
    form = view.form
    type_into(form.sector, "éo")
    QTest.keyClick(form.sector, Qt.Key.Key_Return)
    type_into(form.location, "Jardins d'Éole, entrée rue d'Aubervilliers")
    form.category.setFocus()
    QTest.keyClick(form.category, Qt.Key.Key_4)
    QTest.keyClick(form.urgent, Qt.Key.Key_U)
    type_into(form.notes, "Femme enceinte, malaise")
    print("typed", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))

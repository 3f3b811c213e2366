"""The banner of a demo database: its accounts and their passwords, said openly.

A real desk has no default password anywhere, and this banner stays hidden there. On a
demo database, whoever signs in or takes over the desk reads under it whom to sign in as.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from operline.codes import OperatorRole
from operline.demo.accounts import DemoAccount
from operline.ui import palette


class DemoBanner(QLabel):
    """Hidden until ``show_accounts`` is given a demo database's accounts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        palette.styled(self, "background: $note_strip; border: 1px solid $note_mark; padding: 6px;")
        self.hide()

    def show_accounts(self, accounts: Sequence[DemoAccount]) -> None:
        if not accounts:
            self.hide()
            return
        lines = [self.tr("Demonstration database, for practice only. Its accounts:")]
        for account in accounts:
            lines.append(
                self.tr("{login} ({role}): {password}").format(
                    login=account.login,
                    role=self.role_label(account.role),
                    password=account.password,
                )
            )
        self.setText("\n".join(lines))
        self.setAccessibleName(" ".join(lines))
        self.show()

    def role_label(self, role: OperatorRole) -> str:
        return {
            OperatorRole.OPERATOR: self.tr("operator"),
            OperatorRole.SUPERVISOR: self.tr("supervisor"),
            OperatorRole.ADMINISTRATOR: self.tr("administrator"),
        }[role]

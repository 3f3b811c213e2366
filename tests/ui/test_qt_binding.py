"""The Qt binding itself: a build that loses references crashes a desk left open."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_into_qt_keep_the_reference_counts_of_none_and_booleans(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(500):
        label.setText("Stalingrad")
        label.setVisible(False)
    lost = [was - sys.getrefcount(value) for was, value in zip(before, (None, True), strict=True)]
    # A faulty build loses one reference a call (1,000 here); the interpreter's own
    # bookkeeping moves the counts by a few at most.
    assert max(lost) < 10, lost

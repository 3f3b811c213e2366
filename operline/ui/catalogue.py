"""Reading the compiled catalogue without a window, for the command line.

``QTranslator`` reads a ``.qm`` file and translates with no application object, so the
command line uses the catalogue the window installs, read by Qt's own reader: no second
reader of Qt's file format to keep right. Only QtCore loads.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from operline.sentences import Translate


def catalogue_translate(data: bytes) -> Translate | None:
    """Translate with a compiled catalogue; None when ``data`` is no catalogue."""
    translator = QTranslator()
    if not translator.load(data):
        return None

    def translate(context: str, text: str) -> str:
        # The translator reads ``data`` in place: this closure keeps both alive together.
        return (translator.translate(context, text) or "") if data else ""

    return translate

"""Which language the desk reads, and installing its translations into Qt.

The translations ship inside the package (``operline.resources``) and are read with
importlib.resources, so they load the same from a source tree and from the wheel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from operline.errors import InvalidInput

LANGUAGES = ("fr", "en")

_LOCALES = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    # English with a 24-hour clock and day-first dates, like the rest of the desk.
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def choose_language(forced: str | None) -> str:
    """The language asked for, else French on a French system, else English."""
    if forced is not None:
        if forced not in LANGUAGES:
            raise InvalidInput(
                f"Unknown language {forced!r}: choose one of {', '.join(LANGUAGES)}."
            )
        return forced
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def translation_file(language: str) -> bytes | None:
    """The compiled translation of Operline for a language, if it has one."""
    resource = files("operline.resources").joinpath("translations", f"operline_{language}.qm")
    return resource.read_bytes() if resource.is_file() else None


@dataclass
class InstalledLanguage:
    """The translators put into the application, to take them out again."""

    code: str
    previous_locale: QLocale
    translators: list[QTranslator] = field(default_factory=list)
    # QTranslator reads the bytes it was given in place: they must outlive it.
    _buffers: list[bytes] = field(default_factory=list)

    def uninstall(self) -> None:
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()
        self._buffers.clear()
        QLocale.setDefault(self.previous_locale)


def install_language(code: str) -> InstalledLanguage:
    """Translate Operline and Qt's own texts (dialog buttons, dates) into ``code``."""
    installed = InstalledLanguage(code=code, previous_locale=QLocale())
    language, country = _LOCALES[code]
    locale = QLocale(language, country)
    QLocale.setDefault(locale)
    if code == "en":
        return installed  # the source strings are English
    qt_own = QTranslator()
    if qt_own.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        installed.translators.append(qt_own)
    data = translation_file(code)
    if data is not None:
        ours = QTranslator()
        if ours.load(data):
            installed.translators.append(ours)
            installed._buffers.append(data)
    for translator in installed.translators:
        QCoreApplication.installTranslator(translator)
    return installed

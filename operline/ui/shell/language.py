"""Which language the desk reads, and installing its translations into Qt.

The rule and the compiled translations are ``operline.language``'s, shared with the
command line; here they are installed into Qt, with Qt's own texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from operline import language as rule
from operline.language import translation_file

__all__ = ["InstalledLanguage", "choose_language", "install_language", "translation_file"]

_LOCALES = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    # English with a 24-hour clock and day-first dates, like the rest of the desk.
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def choose_language(forced: str | None) -> str:
    """Operline's one rule (``operline.language``), Qt telling what the system speaks."""
    system = "fr" if QLocale.system().language() == QLocale.Language.French else "en"
    return rule.choose_language(forced, system=system)


@dataclass
class InstalledLanguage:
    """The translators put into the application, to take them out again."""

    code: str
    previous_locale: QLocale
    translators: list[QTranslator] = field(default_factory=list)
    #: The catalogues that could not be loaded, each with where it was looked for.
    missing: list[str] = field(default_factory=list)
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
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(locale, "qtbase", "_", qt_folder):
        installed.translators.append(qt_own)
    else:
        installed.missing.append(f"Qt's qtbase_{code}.qm in {qt_folder}")
    data = translation_file(code)
    ours = QTranslator()
    if data is not None and ours.load(data):
        installed.translators.append(ours)
        installed._buffers.append(data)
    else:
        installed.missing.append(f"Operline's operline_{code}.qm")
    for translator in installed.translators:
        QCoreApplication.installTranslator(translator)
    return installed

"""The desk's colours in each scheme (light, dark, high contrast): the Qt palette's roles and
the colours the screens paint themselves, each text or mark with the colour it stands on.

Fusion's own selection (white on #308cc6, 3.69:1) and placeholder (half-black, 4.0:1) were
too pale to read at a desk, hence a full palette of ours in each scheme;
`operline.ui.contrast` lists every pair of colours with the WCAG contrast it must reach.

A style sheet names its colours (``color: $problem;``) and goes through `styled`, which
fills them in from the scheme in use and fills them in again when the scheme changes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from string import Template

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

#: The property keeping a widget's style sheet with its colour names, to fill in again.
_SHEET_PROPERTY = "operlineSheet"


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


@dataclass(frozen=True)
class Colours:
    """One scheme's colours, each #rrggbb."""

    # The Qt palette.
    window: str
    text: str  # on the window, on the fields and on the buttons
    base: str  # fields, lists and tables
    alternate_base: str
    button: str
    mid: str  # frames, borders of fields
    selection: str
    selection_text: str
    placeholder: str
    disabled: str  # the words of a field or button that cannot be used now
    link: str
    tooltip: str
    # Words that tell something, on the window or the base.
    problem: str  # refused, late, nobody on duty
    caution: str  # to check, no phone
    fine: str  # saved, room left
    quiet: str  # hints, teams off duty
    focus_frame: str  # the frame round the focused row or list
    focus_background: str  # under a focused list of choices
    # Strips: a background and the words on it.
    alarm: str  # a red row, the damaged database, nobody on duty
    alarm_text: str
    late: str  # an amber row
    late_text: str
    problem_strip: str  # a pale red strip with problem words
    problem_strip_text: str
    caution_strip: str
    caution_strip_text: str
    caution_mark: str  # the orange rule of a caution strip
    pending_strip: str
    pending_strip_text: str
    fine_strip: str
    fine_strip_text: str
    note_strip: str  # a note to read, the call being typed, a demo database
    note_mark: str
    other_desks: str  # the banner of a server out of reach
    other_desks_text: str
    lock: str  # the masked window
    lock_text: str
    lock_problem: str
    # Sector tiles of the board, on Fusion's buttons.
    tile: str
    checked_tile: str
    tile_very_late: str
    tile_late: str
    tile_nothing_late: str


LIGHT = Colours(
    window="#efefef",
    text="#000000",
    base="#ffffff",
    alternate_base="#f7f7f7",
    button="#efefef",
    mid="#8a8a8a",
    selection="#1f5f9e",
    selection_text="#ffffff",
    placeholder="#5f6368",
    disabled="#767676",
    link="#0b4f8a",
    tooltip="#ffffdc",
    problem="#b00020",
    caution="#8a3c00",
    fine="#1b5e20",
    quiet="#555555",
    focus_frame="#0d47a1",
    focus_background="#e8eef8",
    alarm="#b71c1c",
    alarm_text="#ffffff",
    late="#ffd37a",
    late_text="#3d2a00",
    problem_strip="#fde4e4",
    problem_strip_text="#7f0000",
    caution_strip="#ffe0b2",
    caution_strip_text="#5d3a00",
    caution_mark="#d84a00",
    pending_strip="#e3f2fd",
    pending_strip_text="#0d3c61",
    fine_strip="#e8f5e9",
    fine_strip_text="#1b5e20",
    note_strip="#fff4ce",
    note_mark="#8a6d00",
    other_desks="#5d4037",
    other_desks_text="#ffffff",
    lock="#1d2a3a",
    lock_text="#ffffff",
    lock_problem="#ffb4b4",
    tile="#fafafa",
    checked_tile="#dbdbdb",
    tile_very_late="#a31515",
    tile_late="#6b4500",
    tile_nothing_late="#1b5e20",
)

DARK = Colours(
    window="#202124",
    text="#e8eaed",
    base="#17181a",
    alternate_base="#222326",
    button="#2d2f33",
    mid="#80868b",
    selection="#8ab4f8",
    selection_text="#0b1d33",
    placeholder="#a0a4a8",
    disabled="#8a8e93",
    link="#8ab4f8",
    tooltip="#3c4043",
    problem="#ff9e96",
    caution="#ffb74d",
    fine="#81c995",
    quiet="#bdc1c6",
    focus_frame="#8ab4f8",
    focus_background="#1c2b40",
    alarm="#b3261e",
    alarm_text="#ffffff",
    late="#5c4300",
    late_text="#ffe08a",
    problem_strip="#3b1414",
    problem_strip_text="#ffb4ab",
    caution_strip="#3a2500",
    caution_strip_text="#ffcc80",
    caution_mark="#ff9800",
    pending_strip="#0d2a45",
    pending_strip_text="#a8d1ff",
    fine_strip="#0f2e17",
    fine_strip_text="#a5d6a7",
    note_strip="#3a3420",
    note_mark="#d4b23c",
    other_desks="#5d4037",
    other_desks_text="#ffffff",
    lock="#101820",
    lock_text="#ffffff",
    lock_problem="#ffb4b4",
    tile="#43454a",
    checked_tile="#333538",
    tile_very_late="#ff9e96",
    tile_late="#ffcc80",
    tile_nothing_late="#81c995",
)

HIGH_CONTRAST = Colours(
    window="#000000",
    text="#ffffff",
    base="#000000",
    alternate_base="#121212",
    button="#000000",
    mid="#ffffff",
    selection="#ffff00",
    selection_text="#000000",
    placeholder="#d6d6d6",
    disabled="#bfbfbf",
    link="#ffff00",
    tooltip="#000000",
    problem="#ff9c9c",
    caution="#ffd966",
    fine="#8cff8c",
    quiet="#e6e6e6",
    focus_frame="#ffff00",
    focus_background="#1a1a00",
    alarm="#9e0000",
    alarm_text="#ffffff",
    late="#ffd700",
    late_text="#000000",
    problem_strip="#000000",
    problem_strip_text="#ff9c9c",
    caution_strip="#000000",
    caution_strip_text="#ffd966",
    caution_mark="#ffd966",
    pending_strip="#000000",
    pending_strip_text="#9fd3ff",
    fine_strip="#000000",
    fine_strip_text="#8cff8c",
    note_strip="#000000",
    note_mark="#ffff00",
    other_desks="#000000",
    other_desks_text="#ffff00",
    lock="#000000",
    lock_text="#ffffff",
    lock_problem="#ff9c9c",
    tile="#000000",
    checked_tile="#000000",
    tile_very_late="#ff9c9c",
    tile_late="#ffd966",
    tile_nothing_late="#8cff8c",
)

SCHEMES: dict[Scheme, Colours] = {
    Scheme.LIGHT: LIGHT,
    Scheme.DARK: DARK,
    Scheme.HIGH_CONTRAST: HIGH_CONTRAST,
}


#: Fusion frames a field, and draws a check box, in shades of the window's colour, hardly
#: seen on a dark window and not at all on black: the dark schemes draw them in their own
#: colours (a check box ticked is filled).
_FIELD_FRAMES = """
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QAbstractItemView
    { border: 1px solid $mid; }
QHeaderView { border: none; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus, QAbstractItemView:focus { border: 2px solid $focus_frame; }
QCheckBox::indicator, QRadioButton::indicator
    { width: 13px; height: 13px; border: 2px solid $mid; background: $base; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked { background: $selection; }
QCheckBox::indicator:focus, QRadioButton::indicator:focus { border-color: $focus_frame; }
"""
#: High contrast also draws what Fusion draws in shades of black: the frames of buttons
#: and tabs.
_HIGH_CONTRAST_SHEET = """
QPushButton, QToolButton { border: 1px solid $text; padding: 3px 8px; }
QPushButton:disabled, QToolButton:disabled { border: 1px dashed $disabled; }
QPushButton:checked, QToolButton:checked { border: 3px solid $focus_frame; }
QPushButton:focus, QToolButton:focus { border: 2px solid $focus_frame; }
QTabBar::tab { border: 1px solid $mid; padding: 4px 10px; margin-right: 2px; }
QTabBar::tab:selected { border: 3px solid $focus_frame; }
"""
#: The style sheet of the whole application in each scheme.
_APPLICATION_SHEETS = {
    Scheme.LIGHT: "",
    Scheme.DARK: _FIELD_FRAMES,
    Scheme.HIGH_CONTRAST: _FIELD_FRAMES + _HIGH_CONTRAST_SHEET,
}

_current = LIGHT
_scheme = Scheme.LIGHT


def current() -> Colours:
    """The colours of the scheme in use."""
    return _current


def scheme() -> Scheme:
    """The scheme in use."""
    return _scheme


def colour(name: str) -> QColor:
    """One colour of the scheme in use, by its name in `Colours`."""
    return QColor(getattr(_current, name))


def styled(widget: QWidget, sheet: str) -> None:
    """Give a widget a style sheet whose ``$names`` are colours of the scheme in use; they
    follow the scheme when it changes."""
    widget.setProperty(_SHEET_PROPERTY, sheet)
    widget.setStyleSheet(_filled(sheet))


def _filled(sheet: str) -> str:
    names = {field.name: getattr(_current, field.name) for field in fields(_current)}
    return Template(sheet).substitute(names)


def qt_palette(colours: Colours) -> QPalette:
    """The Qt palette of a scheme, the same in every group but the disabled words."""
    palette = QPalette()
    roles = QPalette.ColorRole
    c = colours
    assigned = {
        roles.Window: c.window,
        roles.WindowText: c.text,
        roles.Base: c.base,
        roles.AlternateBase: c.alternate_base,
        roles.Text: c.text,
        roles.Button: c.button,
        roles.ButtonText: c.text,
        roles.BrightText: c.alarm_text,
        roles.Highlight: c.selection,
        roles.HighlightedText: c.selection_text,
        roles.PlaceholderText: c.placeholder,
        roles.Link: c.link,
        roles.LinkVisited: c.link,
        roles.ToolTipBase: c.tooltip,
        roles.ToolTipText: c.text,
        roles.Mid: c.mid,
        roles.Accent: c.selection,
    }
    for role, value in assigned.items():
        palette.setColor(role, QColor(value))
    window = QColor(c.window)
    palette.setColor(roles.Light, window.lighter(150))
    palette.setColor(roles.Midlight, window.lighter(125))
    palette.setColor(roles.Dark, window.darker(200) if window.lightness() > 64 else QColor(c.mid))
    palette.setColor(roles.Shadow, QColor("#000000"))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor(c.disabled))
    palette.setColor(disabled, roles.Base, QColor(c.window))
    palette.setColor(disabled, roles.Highlight, QColor(c.mid))
    return palette


def use(colours: Colours, app: QApplication) -> None:
    """Paint the application in a scheme's colours from now on, style sheets included."""
    global _current, _scheme
    _current = colours
    app.setPalette(qt_palette(colours))
    _scheme = next(scheme for scheme, known in SCHEMES.items() if known is colours)
    app.setStyleSheet(_filled(_APPLICATION_SHEETS[_scheme]))
    for widget in app.allWidgets():
        # Qt tells the widgets only once its event loop runs: a window built before that
        # (or in a test) would keep the palette it was born with.
        QApplication.sendEvent(widget, QEvent(QEvent.Type.ApplicationPaletteChange))
        sheet = widget.property(_SHEET_PROPERTY)
        if isinstance(sheet, str):
            widget.setStyleSheet(_filled(sheet))
        widget.update()


def apply_palette(app: QApplication) -> None:
    """Paint the application in the scheme in use."""
    use(_current, app)

"""What the other desks change, on this window's change bus, and a banner while offline.

The change feed (``operline.db.change_feed``) follows the database's change sequence on
a thread of its own; what it hears crosses to the GUI thread by a queued signal and is
published on the bus like the desk's own writes, so every screen redraws only what it
touches. The feed skips the rows this process wrote: the desk published those itself
when it made them, and redrawing them twice would cost a read for nothing. While the
connection is lost the banner says since when the board has not moved; the board stays
in sight, and once back the feed reads everything written meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from operline.db.change_feed import SQLITE_POLL_S, ChangeFeed
from operline.db.engine import Database
from operline.paris_time import format_paris
from operline.ui import palette
from operline.ui.desk_context import ChangeBus


class OfflineBanner(QLabel):
    """Hidden while the database answers; says since when the board shown is stale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setWordWrap(True)
        palette.styled(
            self,
            "background: $other_desks; color: $other_desks_text; font-weight: bold; padding: 6px;",
        )
        self.hide()

    def show_offline(self, board_time: datetime | None) -> None:
        if board_time is None:
            sentence = self.tr("Offline: reconnecting to the database…")
        else:
            sentence = self.tr(
                "Offline: the board shown dates from {time}; other desks' changes are not "
                "seen until the database answers again (reconnecting by itself)."
            ).format(time=format_paris(board_time, "%H:%M"))
        self.setText(sentence)
        self.setAccessibleName(sentence)
        self.show()


class OtherDesks(QObject):
    """Puts the other desks' changes on the bus, and shows the banner while offline."""

    #: The database answers again after being out of reach (what was missed is published).
    back_online = Signal()

    _heard = Signal(object)
    _online = Signal(bool)

    def __init__(
        self,
        database: Database,
        bus: ChangeBus,
        banner: OfflineBanner,
        board_time: Callable[[], datetime | None],
        *,
        poll_s: float = SQLITE_POLL_S,
        start_after: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._banner = banner
        self._board_time = board_time
        self._was_offline = False
        # Emitted on the feed's thread, received on the GUI thread.
        self._heard.connect(bus.publish, Qt.ConnectionType.QueuedConnection)
        self._online.connect(self._show_online, Qt.ConnectionType.QueuedConnection)
        self.feed = ChangeFeed(
            database,
            heard=self._heard.emit,
            online=self._online.emit,
            poll_s=poll_s,
            start_after=start_after,
        )

    def start(self) -> None:
        self.feed.start()

    def stop(self) -> None:
        self.feed.stop()

    @property
    def online(self) -> bool:
        return self.feed.connected

    def _show_online(self, online: bool) -> None:
        if online:
            self._banner.hide()
            if self._was_offline:
                self._was_offline = False
                self.back_online.emit()
        else:
            self._was_offline = True
            self._banner.show_offline(self._board_time())

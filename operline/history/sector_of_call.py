"""The sector a call was logged with, for opening that sector's view from the history.

Only the sector's id is read: the view it opens is the consultation, audited there.
"""

from __future__ import annotations

from sqlalchemy import select

from operline.actors import Actor, Right, require
from operline.db.engine import Database
from operline.db.models import Incident
from operline.errors import InvalidInput
from operline.sentences import QT_TRANSLATE_NOOP


def sector_of_call(database: Database, incident_id: int, *, actor: Actor) -> int:
    """The id of the sector call ``incident_id`` was logged with (a retired one too)."""
    require(actor, Right.CONSULT_HISTORY)
    with database.read() as session:
        sector_id = session.scalar(select(Incident.sector_id).where(Incident.id == incident_id))
    if sector_id is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("HistoryMessages", "There is no call #{id} in this database."),
            id=incident_id,
        )
    return sector_id

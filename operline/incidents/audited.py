"""The audit entry of a write to a call: the values it set, old and new.

A call's timeline tells its story to the desk; the audit log is the chain nobody can
quietly rewrite. Each service that writes to a call ends with one entry here, in the same
transaction: its details are the timeline lines the write adds (for a new call, the
values it was logged with), so what the desk wrote stays on record in the chain even if
the timeline were edited later outside Operline. The details carry what the timeline carries, notes
and callback numbers included: the privacy purge erases them with the call's own text
(``INCIDENT_WRITES``), and the chain keeps their digest.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from operline.actors import Actor
from operline.audit import AuditAction, write_audit
from operline.db.models import Incident, IncidentEvent
from operline.paris_time import as_utc

#: The entries whose details copy a call's values, which the privacy purge erases.
INCIDENT_WRITES = frozenset(
    {
        AuditAction.INCIDENT_LOG,
        AuditAction.INCIDENT_LINK,
        AuditAction.INCIDENT_ROUTE,
        AuditAction.INCIDENT_ADVANCE,
        AuditAction.INCIDENT_CLOSE,
        AuditAction.INCIDENT_REASSIGN,
        AuditAction.INCIDENT_NOTE,
        AuditAction.INCIDENT_UNDO,
        AuditAction.INCIDENT_CONFLICT,
        AuditAction.INCIDENT_CORRECT,
    }
)
#: The values a new call is logged with, in the order the details give them.
_LOGGED_WITH = (
    "received_at",
    "sector_id",
    "category",
    "priority",
    "persons",
    "caller_service",
    "callback_number",
    "location",
    "notes",
)


def audit_incident_write(
    session: Session, actor: Actor, action: AuditAction, incident: Incident, *, now: datetime
) -> None:
    """Chain the entry of this write to ``incident``: the timeline lines it adds.

    Called by the service once its lines are added and before they are flushed: the
    lines still waiting in the session are exactly this write's.
    """
    assert action in INCIDENT_WRITES
    lines = [
        line
        for line in session.new
        if isinstance(line, IncidentEvent) and line.incident_id == incident.id
    ]
    assert lines, f"{action} adds no timeline line to {incident.reference}"
    write_audit(
        session,
        actor,
        action,
        now=now,
        target=incident.reference,
        details=_logged_with(incident) if action is AuditAction.INCIDENT_LOG else _told(lines),
    )


def _logged_with(incident: Incident) -> str:
    values = {name: getattr(incident, name) for name in _LOGGED_WITH}
    values["received_at"] = as_utc(incident.received_at).isoformat(timespec="seconds")
    return "; ".join(f"{name}: {value}" for name, value in values.items() if value is not None)


def _told(lines: list[IncidentEvent]) -> str:
    """Each line as ``kind field: old -> new``, then the reason given, once."""
    told = []
    for line in lines:
        if line.field is None:
            told.append(f"{line.kind}: {line.new_value}")
        else:
            told.append(f"{line.kind} {line.field}: {line.old_value} -> {line.new_value}")
    reasons = dict.fromkeys(line.reason for line in lines if line.reason)
    return "; ".join(told + [f"reason: {reason}" for reason in reasons])

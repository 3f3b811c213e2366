"""The day log of one Paris day as a whole: for printing, the PDF and the CSV file.

The screen pages through a day's calls; a printed or saved day log holds them all, in the
order they came in, under a header naming the day, the desk and its sign-off, then the
day's shift handovers (who handed the desk to whom, when, what was left open, the note).
Reading it is a consultation of the history, audited like the journal's, and the file
written is audited too. The CSV is for French Excel, with French headings and labels:
one row a call, so a spreadsheet sums it; the handovers are in the PDF and on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from operline.actors import Actor
from operline.audit import AuditAction, write_audit
from operline.csv_files import french_excel_csv
from operline.day_sign_off import DayStatus, day_status
from operline.db.engine import Database
from operline.handover import DayHandover, handovers_of_day
from operline.incidents.corrections import LogField
from operline.journal import DayRoster, JournalRow, day_incident_ids, journal_rows
from operline.paris_time import format_paris, format_paris_clock, paris_day_bounds
from operline.settings import read_settings

#: The stage times of a row, after the reception, with the field a correction names.
STAGE_FIELDS = (
    LogField.ROUTED_AT,
    LogField.ACKNOWLEDGED_AT,
    LogField.ON_SCENE_AT,
    LogField.CLOSED_AT,
)


@dataclass(frozen=True)
class DayLog:
    """Every call of a day, oldest first, with what the head of the log says."""

    day: date
    desk: str
    status: DayStatus
    rows: tuple[JournalRow, ...]
    #: When the log was read, printed at its foot.
    read_at: datetime
    #: The day's shift handovers, oldest first.
    handovers: tuple[DayHandover, ...] = ()

    @property
    def hours(self) -> int:
        """How long the day lasts in Paris: 23, 24 or 25 hours."""
        start, end = paris_day_bounds(self.day)
        return round((end - start) / timedelta(hours=1))


def read_day_log(database: Database, day: date, *, actor: Actor, now: datetime) -> DayLog:
    """The whole day log of a Paris day, its handovers with it; the consultation is audited
    as the journal's, the reading of the handover notes as the handover screen's."""
    ids = day_incident_ids(database, day, actor=actor, now=now)
    # The roster read once for the whole day, not once for each query of ids.
    rows = journal_rows(database, tuple(reversed(ids)), day_roster=DayRoster(day))
    handovers = handovers_of_day(database, day, actor=actor, now=now)
    return DayLog(
        day,
        read_settings(database).name,
        day_status(database, day),
        tuple(rows),
        now,
        tuple(handovers),
    )


def record_export(
    database: Database, log: DayLog, what: str, *, actor: Actor, now: datetime
) -> None:
    """Keep in the audit log that the day log left the desk, printed or as a file."""
    with database.write() as session:
        write_audit(
            session,
            actor,
            AuditAction.DAY_LOG_EXPORT,
            now=now,
            target=log.day.isoformat(),
            details=what,
        )


def format_delay(delay: timedelta | None) -> str:
    """A delay as the desk reads it: 6 min, 1 h 05; empty when there is none."""
    if delay is None:
        return ""
    minutes = max(0, round(delay / timedelta(minutes=1)))
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


#: The CSV's headings, in French, for French Excel.
CSV_HEADINGS = (
    "Référence",
    "Jour",
    "Reçu",
    "Secteur",
    "Besoin",
    "Priorité",
    "Étape",
    "Équipe contactée",
    "Délai (min)",
    "Pris en compte",
    "Délai (min)",
    "Sur place",
    "Délai (min)",
    "Clos",
    "Délai (min)",
    "Équipe",
    "De garde à la réception",
    "Issue",
    "Corrigé",
)

#: How the CSV names each field a correction can change.
FIELD_FR: dict[LogField, str] = {
    LogField.RECEIVED_AT: "Reçu",
    LogField.ROUTED_AT: "Équipe contactée",
    LogField.ACKNOWLEDGED_AT: "Pris en compte",
    LogField.ON_SCENE_AT: "Sur place",
    LogField.CLOSED_AT: "Clos",
    LogField.SECTOR: "Secteur",
    LogField.CATEGORY: "Besoin",
    LogField.PRIORITY: "Priorité",
    LogField.PERSONS: "Personnes",
    LogField.LOCATION: "Lieu",
    LogField.CALLER: "Équipage appelant",
    LogField.TEAM: "Équipe",
    LogField.OUTCOME: "Issue",
    LogField.PLACE: "Lieu d'orientation",
}


def day_log_csv(log: DayLog) -> bytes:
    """The day log as a CSV file for French Excel; one row a call, oldest first."""
    lines: list[list[object]] = [list(CSV_HEADINGS)]
    for row in log.rows:
        line: list[object] = [
            row.reference,
            format_paris(row.received_at, "%d/%m/%Y"),
            format_paris_clock(row.received_at),
            row.sector,
            row.category.label_fr,
            row.priority.label_fr,
            row.status.label_fr,
        ]
        for at, delay in zip(row.stage_times()[1:], row.delays(), strict=True):
            line += [format_paris_clock(at) if at else "", _minutes(delay)]
        line += [
            row.team or "",
            ", ".join(row.teams_on_duty()) or "Aucune équipe",
            row.outcome.label_fr if row.outcome else "",
            _corrected_text(row),
        ]
        lines.append(line)
    return french_excel_csv(lines)


def _minutes(delay: timedelta | None) -> object:
    return "" if delay is None else max(0, round(delay / timedelta(minutes=1)))


def _corrected_text(row: JournalRow) -> str:
    names = []
    for code, corrected in row.corrected.items():
        after = corrected.after_sign_off
        try:
            name = FIELD_FR[LogField(code)]
        except ValueError:
            name = code
        names.append(f"{name} (après signature)" if after else name)
    return ", ".join(names)

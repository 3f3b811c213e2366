"""An imported call opened at the desk: its timeline says « Appel importé », from which file."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline import reference_data as ref
from operline.db.models import Incident
from operline.incidents.timeline import read_incident
from operline.ui.board.incident_detail import IncidentDetailDialog, TimelineColumn
from tests.actors import COMMAND_LINE
from tests.call_import.conftest import NOW, Desk
from tests.ui.conftest import french  # noqa: F401 (the fixture)


@pytest.mark.usefixtures("french")
def test_the_detail_of_an_imported_call_shows_its_history_then_the_import(
    qtbot: QtBot, desk: Desk
) -> None:
    result = desk.run(
        "received_at;sector;category;team;acknowledged_at;closed_at;outcome\n"
        f"23/11/2024 14:05;Stalingrad;distress;{ref.FLUID_CRACK};23/11/2024 14:20;"
        "23/11/2024 15:00;refused\n"
    )
    with desk.database.read() as session:
        incident_id = session.scalars(select(Incident.id)).one()
    detail = read_incident(desk.database, incident_id, actor=COMMAND_LINE, now=NOW)

    dialog = IncidentDetailDialog(detail, now=NOW)
    qtbot.addWidget(dialog)

    model = dialog.timeline_model
    lines = [
        [model.index(row, column).data() for column in TimelineColumn]
        for row in range(model.rowCount())
    ]
    assert [line[TimelineColumn.TIME] for line in lines] == [
        "23/11 14:05",
        "23/11 14:05",
        "23/11 14:20",
        "23/11 15:00",
        "23/11 15:00",
        "25/11 22:00",
    ]
    assert [line[TimelineColumn.WHAT] for line in lines][-1] == "Appel importé"
    assert lines[-1][TimelineColumn.CHANGE] == "journal-2024.csv"
    assert lines[2][TimelineColumn.CHANGE] == "Équipe contactée → Pris en compte"
    assert dialog.windowTitle().endswith(result.references[0])

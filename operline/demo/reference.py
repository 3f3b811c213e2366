"""Loading the demo's reference data into an empty database: the Paris sectors, teams,
places and weekly shifts (``operline.paris_reference``), and the demo's desk staff."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline import reference_data as ref
from operline.db.models import Operator
from operline.paris_reference import insert_ids, place_paris_reference, table_of


@dataclass(frozen=True)
class LoadedReference:
    sector_ids: Mapping[str, int]
    team_ids: Mapping[str, int]
    facility_ids: Mapping[str, int]
    operator_ids: Mapping[str, int]
    operators_added: int
    shift_patterns: int


def load_reference_data(session: Session, *, created_at: datetime) -> LoadedReference:
    placed = place_paris_reference(session, created_at=created_at)
    operator_ids, operators_added = _load_operators(session, created_at)
    return LoadedReference(
        sector_ids=placed.sector_ids,
        team_ids=placed.team_ids,
        facility_ids=placed.facility_ids,
        operator_ids=operator_ids,
        operators_added=operators_added,
        shift_patterns=len(placed.pattern_ids),
    )


def _load_operators(session: Session, created_at: datetime) -> tuple[dict[str, int], int]:
    """Add the demo desk staff; someone already signed up under a name is kept as is."""
    existing = {name: id_ for name, id_ in session.execute(select(Operator.name, Operator.id))}
    missing = [spec for spec in ref.OPERATORS if spec.name not in existing]
    rows = [
        {
            "name": spec.name,
            "role": spec.role.value,
            "active": True,
            "password_hash": None,
            "created_at": created_at,
        }
        for spec in missing
    ]
    added = dict(
        zip(
            (spec.name for spec in missing),
            insert_ids(session, table_of(Operator), rows),
            strict=True,
        )
    )
    return {**existing, **added}, len(missing)

"""A desk that logs calls in a loop, as fast as it can: the writer of the kill and load tests.

Run as ``python -m tests.call_writer DATABASE_URL OPERATOR_ID SECTOR_ID COUNT`` (COUNT 0:
until killed). It logs each call through the product's own ``log_call`` and prints the
incident's reference once ``log_call`` has returned, that is once the commit is done: a
reference printed is a call the desk was told is saved.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from itertools import count

from operline.actors import Actor
from operline.codes import Category, OperatorRole, Priority
from operline.db.engine import open_database
from operline.incidents.intake import CallForm, log_call


def main(database_url: str, operator_id: str, sector_id: str, calls: str) -> int:
    database = open_database(database_url, must_exist=True)
    actor = Actor(int(operator_id), "writer", OperatorRole.OPERATOR, "poste-charge")
    numbers = count(1) if int(calls) == 0 else range(1, int(calls) + 1)
    try:
        for number in numbers:
            now = datetime.now(UTC)
            form = CallForm(
                received_at=now,
                sector_id=int(sector_id),
                category=Category.DISTRESS,
                priority=Priority.URGENT,
                caller_service="Commissariat du 19e",
                location=f"Quai de la Loire, appel {number}",
            )
            logged = log_call(database, form, actor=actor, now=now)
            print(logged.reference, flush=True)
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))

"""The call being typed, kept on this computer until it is saved.

A crash or a power cut must never lose a call: the form is written here every few
seconds, atomically (write a new file, sync it, rename over the old), readable by this
user only, and removed as soon as the call is in the database.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs

DRAFT_FILE = "call-draft.json"


def default_drafts_folder() -> Path:
    return Path(platformdirs.user_state_dir("operline", appauthor=False))


class DraftStore:
    """One draft of a call form, as a JSON object, in a folder of this computer."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / DRAFT_FILE

    def save(self, fields: dict[str, Any], *, saved_at: datetime) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        content = json.dumps({"saved_at": saved_at.isoformat(), "fields": fields})
        temporary = self.path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.path)

    def load(self) -> tuple[datetime, dict[str, Any]] | None:
        """The draft left by an earlier run, or None; an unreadable one counts as none."""
        try:
            content = json.loads(self.path.read_text(encoding="utf-8"))
            return datetime.fromisoformat(content["saved_at"]), dict(content["fields"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        self.path.with_suffix(".tmp").unlink(missing_ok=True)

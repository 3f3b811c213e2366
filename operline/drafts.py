"""The call being typed, kept on this computer until it is saved.

A crash or a power cut must never lose a call: the form is written here every few
seconds, atomically (write a new file, sync it, rename over the old), readable by this
user only, and removed as soon as the call is in the database.

A draft belongs to the database it was typed for: one computer may open a demo database
and the real one, and a call offered back on the wrong one would be saved there. Each
database has its own file (named by a digest of the database), which also names it inside.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs

from operline.private_files import PRIVATE_FILE, private_folder

#: The draft of a store not yet given its database (and of versions before drafts had one).
DRAFT_FILE = "call-draft.json"


def default_drafts_folder() -> Path:
    return Path(platformdirs.user_state_dir("operline", appauthor=False))


def database_identity(name: str) -> str:
    """What tells one database from another: its URL, or its file's full path.

    A relative file path names another file once the desk starts from another folder.
    """
    return name if "://" in name else str(Path(name).resolve())


class DraftStore:
    """One draft of a call form per database, as a JSON object, in a folder of this computer."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        #: The database the drafts are typed for, once the desk says it.
        self.database: str | None = None
        self.path = folder / DRAFT_FILE

    def belong_to(self, database_name: str) -> None:
        """Keep and offer only the drafts of this database from now on."""
        self.database = database_identity(database_name)
        digest = hashlib.sha256(self.database.encode("utf-8")).hexdigest()[:16]
        self.path = self.folder / f"call-draft-{digest}.json"

    def save(self, fields: dict[str, Any], *, saved_at: datetime) -> None:
        private_folder(self.path.parent)
        content = json.dumps(
            {"saved_at": saved_at.isoformat(), "database": self.database, "fields": fields}
        )
        temporary = self.path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.path)

    def load(self) -> tuple[datetime, dict[str, Any]] | None:
        """The draft left by an earlier run, or None; an unreadable one counts as none."""
        try:
            content = json.loads(self.path.read_text(encoding="utf-8"))
            if content.get("database") != self.database:
                return None  # another database's, copied or renamed by hand
            return datetime.fromisoformat(content["saved_at"]), dict(content["fields"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        self.path.with_suffix(".tmp").unlink(missing_ok=True)

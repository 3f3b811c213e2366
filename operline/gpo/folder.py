"""The folder the GPO's files go to: each written beside its name, then renamed in.

A file is written to a temporary file in the same folder and flushed to disk; only once
every file of a run is complete are they renamed over the earlier ones (and the folder
synced, where the system allows), so a failed run leaves the files of an earlier run as
they were. A folder that cannot be written says so in one sentence.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

from operline.errors import InvalidInput
from operline.sentences import QT_TRANSLATE_NOOP

T = TypeVar("T")


def check_folder(folder: Path) -> None:
    """Refuse a folder that does not exist, before anything is read or written."""
    if not folder.is_dir():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "GpoExport", "The folder {folder} does not exist; nothing was exported."
            ),
            folder=folder,
        )


def write_temporary(folder: Path, name: str, fill: Callable[[BinaryIO], T]) -> tuple[Path, T]:
    """A temporary file beside ``folder / name``, filled by ``fill`` and on disk when this
    returns, with what ``fill`` returned. Removed again if anything fails."""
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    except OSError as error:
        raise not_writable(folder, error) from None
    path = Path(temporary)
    try:
        with open(handle, "wb") as output:
            filled = fill(output)
            output.flush()
            os.fsync(output.fileno())
    except OSError as error:
        path.unlink(missing_ok=True)
        raise not_writable(folder, error) from None
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path, filled


def rename_in(renames: Iterable[tuple[Path, Path]], folder: Path) -> None:
    """Rename each temporary file over its final name, then make the renames durable."""
    try:
        for temporary, final in renames:
            os.replace(temporary, final)
        _sync_folder(folder)
    except OSError as error:
        raise not_writable(folder, error) from None


def sha256_of(path: Path) -> str:
    with path.open("rb") as stored:
        return hashlib.file_digest(stored, "sha256").hexdigest()


def not_writable(folder: Path, error: OSError) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "GpoExport",
            "Operline cannot write the export into {folder} ({reason}); nothing was exported.",
        ),
        folder=folder,
        reason=error.strerror or str(error),
    )


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows opens no folder this way; its renames are durable enough
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)

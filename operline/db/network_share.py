"""Whether a folder is on a network share, where SQLite's locking cannot be trusted.

SQLite's own guidance (https://www.sqlite.org/useovernet.html): a database shared over a
network file system gets corrupted; several computers share one PostgreSQL server instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: File system types of Linux mounts that reach another computer.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ceph", "glusterfs",
        "fuse.sshfs", "fuse.glusterfs", "fuse.ceph", "fuse.s3fs", "fuse.rclone",
        "fuse.smbnetfs", "ncpfs", "coda", "lustre", "gpfs", "ocfs2", "gfs2", "davfs",
        "fuse.davfs2",
    }
)  # fmt: skip
_DRIVE_REMOTE = 4


def network_filesystem_in(folder: Path, mountinfo: str) -> str | None:
    """The network file system type holding ``folder`` per a ``/proc/self/mountinfo`` text.

    The mount whose point is the longest prefix of the folder wins; among equals, the last
    (a mount over another hides it).
    """
    best: tuple[int, str] | None = None
    parts = folder.parts
    for line in mountinfo.splitlines():
        fields = line.split()
        if "-" not in fields[6:]:
            continue
        separator = fields.index("-", 6)
        point = Path(_unescape(fields[4])).parts
        fstype = fields[separator + 1] if len(fields) > separator + 1 else ""
        if parts[: len(point)] == point and (best is None or len(point) >= best[0]):
            best = (len(point), fstype)
    if best is None or best[1] not in NETWORK_FILESYSTEMS:
        return None
    return best[1]


def _unescape(field: str) -> str:
    # mountinfo writes a space, tab, newline and backslash of a path as octal escapes.
    for code, character in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, character)
    return field


def read_mountinfo() -> str:
    """This process's view of the mounts, or '' where there is none (not Linux)."""
    try:
        return Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def network_share_of(folder: Path) -> str | None:
    """What network share holds ``folder`` (a file system type or path), None if local."""
    resolved = Path(os.path.realpath(folder))
    if sys.platform == "win32":
        return _windows_share(resolved)
    return network_filesystem_in(resolved, read_mountinfo())


def _windows_share(folder: Path) -> str | None:
    drive = folder.drive
    if drive.startswith(("\\\\", "//")):
        return drive  # a UNC path: \\server\share
    if sys.platform == "win32":  # for mypy: windll exists only there
        import ctypes

        if drive and ctypes.windll.kernel32.GetDriveTypeW(f"{drive}\\") == _DRIVE_REMOTE:
            return drive
    return None

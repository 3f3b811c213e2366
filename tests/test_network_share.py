"""An SQLite database on a network share is refused: several computers share PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from operline.db import network_share
from operline.db.engine import open_database
from operline.errors import DatabaseError, DatabaseProblem

MOUNTINFO = """\
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
40 27 0:40 / /srv/desk rw,relatime shared:5 - nfs4 filer:/desk rw,vers=4.2
41 40 0:41 / /srv/desk/local rw,relatime - ext4 /dev/vdb rw
42 27 0:42 / /mnt/partage\\040commun rw - cifs //serveur/commun rw
43 27 0:43 / /home/ines/distant rw - fuse.sshfs ines@poste:/ rw
"""


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("/srv/desk", "nfs4"),
        ("/srv/desk/operline", "nfs4"),
        ("/srv/desk/local", None),  # a local disk mounted inside the share
        ("/srv/desktop", None),  # a prefix of the name is not the folder
        ("/mnt/partage commun/operline", "cifs"),
        ("/home/ines/distant", "fuse.sshfs"),
        ("/home/ines", None),
    ],
)
def test_the_file_system_of_a_folder_is_read_from_the_mounts(
    folder: str, expected: str | None
) -> None:
    assert network_share.network_filesystem_in(Path(folder), MOUNTINFO) == expected


def test_a_database_on_a_network_share_is_refused_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mounts = f"27 1 254:0 / / rw - ext4 /dev/vda rw\n40 27 0:40 / {tmp_path} rw - nfs4 f:/d rw\n"
    monkeypatch.setattr(network_share, "read_mountinfo", lambda: mounts)
    target = tmp_path / "operline.sqlite3"
    with pytest.raises(DatabaseError) as refused:
        open_database(f"sqlite:///{target}")
    assert refused.value.problem is DatabaseProblem.NETWORK_SHARE
    assert str(refused.value) == (
        f"The database {target} is on a network share (nfs4), where SQLite files get "
        "damaged; for several computers, use a PostgreSQL server."
    )
    assert not target.exists()

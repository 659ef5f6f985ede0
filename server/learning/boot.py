"""A boot: one start of a server or of a command, with an id and a lock held while it runs.

Jobs are owned by a boot, not by a process id: a restarted server in a container is PID 1
again, so "is PID 1 alive?" says yes about a server that died. A boot's lock is an ``flock``
on ``<folder>/<id>.lock``; the kernel lets go of it when the process ends, however it ends,
so another process can tell a running boot from a gone one without trusting any PID.

Processes that share an SQLite database share this folder on one machine (the data folder).
With PostgreSQL a boot also holds an advisory lock in the database (``hold``), which servers
on other machines can see.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import uuid
import weakref
from pathlib import Path


class Boot:
    """This start's id and its lock; the lock goes with the object (or ``close()``)."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.folder.stat().st_mode & 0o077:  # private whatever the umask
            self.folder.chmod(0o700)
        while True:
            self.id = uuid.uuid4().hex
            self.path = self.folder / f"{self.id}.lock"
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX)
            # A sweep (another process starting) may have taken the new file for a dead boot's
            # in the moment before the lock and removed it; then this lock guards nothing.
            if _same_file(fd, self.path):
                break
            os.close(fd)
        self._closer = weakref.finalize(self, _release, fd, self.path)

    def hold(self, lock) -> None:
        """Keep ``lock`` (this boot's lock in a shared database, with ``close()``) for as long as
        the boot lasts: servers on other machines cannot see this folder, only the database."""
        self._held = lock

    def close(self) -> None:
        """End this boot (as its process ending would): its jobs count as abandoned."""
        self._closer()
        held = getattr(self, "_held", None)
        if held is not None:
            held.close()


def _release(fd: int, path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


def sweep(folder: str | os.PathLike) -> None:
    """Remove the lock files of boots that are gone (killed processes leave theirs)."""
    with contextlib.suppress(FileNotFoundError):
        for path in Path(folder).glob("*.lock"):
            is_running(folder, path.stem)


def is_running(folder: str | os.PathLike, boot_id: str | None) -> bool:
    """Whether the boot ``boot_id`` still holds its lock (False for None or an unknown id)."""
    if not boot_id or not boot_id.isalnum():
        return False
    path = Path(folder) / f"{boot_id}.lock"
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        # Its process ended without closing (killed): the file is all that is left of it.
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return False
    finally:
        os.close(fd)

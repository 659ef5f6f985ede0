"""What a storage error means: read-only, full, unreachable or busy, in words for people.

SQLite's and the operating system's messages name the condition, never the data, so the
cause may be logged and shown to clients.
"""
from __future__ import annotations

import errno
import sqlite3

# (what SQLite says, what the client and the log are told)
_SQLITE_CAUSES = (
    ("readonly", "the data folder or the database file is read-only"),
    ("read-only", "the data folder or the database file is read-only"),
    ("disk is full", "the disk holding the data folder is full"),
    ("unable to open", "the database file cannot be opened (missing folder or no permission)"),
    ("disk i/o error", "the disk holding the data folder reports an I/O error"),
    ("locked", "the database is busy (locked by another process) for too long"),
    ("busy", "the database is busy (locked by another process) for too long"),
)
_OS_CAUSES = {
    errno.ENOSPC: "the disk holding the data folder is full",
    errno.EDQUOT: "the disk quota of the data folder is used up",
    errno.EROFS: "the data folder is on a read-only file system",
    errno.EACCES: "the server may not write in the data folder (permissions)",
    errno.EPERM: "the server may not write in the data folder (permissions)",
    errno.EIO: "the disk holding the data folder reports an I/O error",
}


def cause_of(err: BaseException) -> str | None:
    """What a storage error means, or None when it is not a storage condition."""
    if isinstance(err, sqlite3.OperationalError):
        message = str(err).lower()
        if message.startswith("postgresql:"):  # storage.postgres: the server's primary message
            return "the PostgreSQL database cannot be used (unreachable, or it refused the operation)"
        for needle, cause in _SQLITE_CAUSES:
            if needle in message:
                return cause
        return None
    if isinstance(err, OSError):
        return _OS_CAUSES.get(err.errno)
    return None

"""A throw-away PostgreSQL server for tests and benchmarks: Debian's postgresql binaries,
``initdb`` in a temporary folder, run as an unprivileged user on a free port of 127.0.0.1,
stopped (and removed) at the end. No mock: the real server the PostgreSQL backend talks to.

PostgreSQL refuses to run as root, so as root the cluster runs as the system user
``reageerwijzer-ci`` (made when missing).
"""
from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

CI_USER = "reageerwijzer-ci"


class ClusterUnavailable(RuntimeError):
    """PostgreSQL is not installed or would not start; the message says why."""


def find_bin_dir() -> Path:
    """The folder with initdb and pg_ctl: $PG_BIN, Debian's newest, or the PATH."""
    candidates = [os.environ.get("PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
                         reverse=True)
    which = shutil.which("initdb")
    if which:
        candidates.append(str(Path(which).parent))
    for folder in candidates:
        if folder and (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    raise ClusterUnavailable("PostgreSQL's initdb and pg_ctl were not found (apt-get install "
                             "postgresql, or set PG_BIN)")


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ensure_user(name: str) -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        name], check=True, capture_output=True)
        return pwd.getpwnam(name)


class Cluster:
    """One PostgreSQL server; ``url(dbname)`` to reach it, ``create_database()`` per test."""

    def __init__(self, *, fsync: bool = False) -> None:
        self.bin = find_bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="reageerwijzer-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.fsync = fsync
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            user = _ensure_user(CI_USER)
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as_user = ["runuser", "-u", CI_USER, "--"]

    def _run(self, *argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self._as_user, *argv], capture_output=True, text=True, timeout=120)

    def start(self) -> Cluster:
        done = self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                         "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")
        if done.returncode != 0:
            raise ClusterUnavailable(f"initdb failed: {(done.stderr or done.stdout).strip()[-500:]}")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
                   f"-c fsync={'on' if self.fsync else 'off'} -c max_connections=200")
        done = self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                         "-o", options, "-w", "-t", "60", "start")
        if done.returncode != 0:
            log = (self.root / "log").read_text(errors="replace")[-800:] if (self.root / "log").exists() else ""
            raise ClusterUnavailable(f"PostgreSQL did not start: {done.stderr.strip()} {log}")
        return self

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, prefix: str = "t") -> str:
        """A new empty database; returns its URL."""
        import psycopg
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg
        name = url.rsplit("/", 1)[1]
        with contextlib.suppress(psycopg.Error), psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.data.exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def table_files(self, url: str, table: str) -> list[Path]:
        """The files of ``table``, its TOAST table and its indexes, flushed to disk first."""
        import psycopg
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CHECKPOINT")
            rows = conn.execute(
                "SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE c.oid = %s::regclass"
                " OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = %s::regclass)"
                " OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = %s::regclass)",
                (table, table, table)).fetchall()
        return [self.data / path for (path,) in rows if path and (self.data / path).exists()]

    def wal_files(self) -> list[Path]:
        return sorted(p for p in (self.data / "pg_wal").iterdir() if p.is_file())

"""The schema, as the list of migrations that build it; ``Database.migrate`` runs the missing ones.

One history for both databases: each entry is written in SQLite's SQL, and
``postgres.schema_script`` turns it into PostgreSQL's (column types; a migration whose first
line is ``-- sqlite only: why`` runs on SQLite alone). A new migration is added here, once, and runs on both.
"""
from __future__ import annotations

# One entry per schema version; an entry runs once, in a transaction, in order.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE tokens (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('worker', 'admin')),
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    );
    CREATE UNIQUE INDEX tokens_active_name ON tokens (name) WHERE revoked_at IS NULL;

    CREATE TABLE examples (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        text_key TEXT NOT NULL,
        label INTEGER NOT NULL CHECK (label IN (0, 1)),
        category TEXT,
        lang TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        score REAL,
        model_version TEXT,
        state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'accepted', 'rejected')),
        reviewed_by TEXT,
        reviewed_at TEXT,
        UNIQUE (text_key)
    );
    CREATE INDEX examples_state ON examples (state, id);

    CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
        progress REAL NOT NULL DEFAULT 0,
        stage TEXT,
        report TEXT,
        error TEXT,
        created_by TEXT,
        owner_pid INTEGER,
        worker_pid INTEGER,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
    );
    -- At most one unfinished job of a kind, across every process that shares the database.
    CREATE UNIQUE INDEX jobs_one_active ON jobs (kind) WHERE state IN ('queued', 'running');
    """,
    # 2: jobs are owned by a boot (one start of a server or command), not by a process id.
    """
    ALTER TABLE jobs ADD COLUMN owner_boot TEXT;
    """,
    # 3: the model versions this server made (a version not recorded here is never loaded), the
    # examples each was trained on (so erasing one can name the versions that still carry it),
    # and small settings such as whether the versions found at the upgrade were adopted.
    """
    CREATE TABLE model_versions (
        version TEXT PRIMARY KEY,
        artifact_sha256 TEXT NOT NULL,
        signature TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE model_version_examples (
        version TEXT NOT NULL REFERENCES model_versions (version) ON DELETE CASCADE,
        example_id INTEGER NOT NULL,
        PRIMARY KEY (version, example_id)
    );
    CREATE INDEX model_version_examples_by_example ON model_version_examples (example_id);
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 4: example ids are never reused (AUTOINCREMENT), so a stale PATCH or DELETE cannot hit a
    # newer example that took the id of an erased one. SQLite cannot change a key in place.
    """
    -- sqlite only: a PostgreSQL identity column never reuses an id.
    CREATE TABLE examples_new (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        text TEXT NOT NULL,
        text_key TEXT NOT NULL,
        label INTEGER NOT NULL CHECK (label IN (0, 1)),
        category TEXT,
        lang TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        score REAL,
        model_version TEXT,
        state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'accepted', 'rejected')),
        reviewed_by TEXT,
        reviewed_at TEXT,
        UNIQUE (text_key)
    );
    INSERT INTO examples_new SELECT id, text, text_key, label, category, lang, saved_by, created_at,
        score, model_version, state, reviewed_by, reviewed_at FROM examples;
    DROP TABLE examples;
    ALTER TABLE examples_new RENAME TO examples;
    CREATE INDEX examples_state ON examples (state, id);
    """,
    # 5: the case log (REAGEERWIJZER_CASE_LOG=true): one row per completed walk, without the
    # post's text or link and without the worker: the day, the token's team, where the walk led.
    """
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        team TEXT NOT NULL,
        outcome TEXT NOT NULL,
        path TEXT NOT NULL,
        platform TEXT,
        category TEXT,
        prefill_agreed INTEGER CHECK (prefill_agreed IN (0, 1)),
        model_version TEXT,
        score_band TEXT CHECK (score_band IN ('almost_certain', 'likely', 'uncertain'))
    );
    CREATE INDEX cases_day ON cases (day);
    """,
    # 6: the coordinator console's sign-ins. A session is a random secret in a cookie; only its
    # hash is kept, with the hash of the admin token it was opened with, so revoking that token
    # ends its sessions too, and the CSRF secret that its forms and fetches must carry.
    """
    CREATE TABLE console_sessions (
        session_hash TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);
    """,
)


def migration_script(number: int, dialect: str) -> str:
    """The SQL of migration ``number`` (1-based) for ``dialect`` ("sqlite" or "postgresql")."""
    script = MIGRATIONS[number - 1]
    if dialect == "postgresql":
        from .postgres import schema_script
        return schema_script(number, script)
    return script

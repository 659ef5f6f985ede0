"""The database layer: configuration, schema migration, WAL, and the plain data functions."""
import contextlib
import sqlite3

import pytest

from server.learning import examples
from server.learning.examples import NewExample
from server.storage import connection as db
from server.storage import examples as example_rows

BOTH_BACKENDS = True


@pytest.fixture
def database(tmp_path, database_url):
    """A migrated store: an SQLite file, or a fresh PostgreSQL database."""
    store = db.Database(database_url or str(tmp_path / "test.sqlite3"))
    store.migrate()
    yield store
    store.close()


@pytest.fixture
def conn(database):
    connection = database.connect()
    yield connection
    connection.close()


@pytest.mark.parametrize("url, path", [
    ("sqlite:////srv/rw/db.sqlite3", "/srv/rw/db.sqlite3"),
    ("sqlite:///relative.sqlite3", "relative.sqlite3"),
    ("/plain/path.sqlite3", "/plain/path.sqlite3"),
])
def test_database_setting(url, path):
    assert str(db.sqlite_path(url)) == path


def test_unsupported_database_is_named():
    with pytest.raises(db.DatabaseError, match="unsupported DATABASE 'mysql://...'"):
        db.Database("mysql://user:secret@host/db")


@pytest.mark.parametrize("url", ["postgresql://u:pw@db.example.org:6543/rw",
                                 "postgres://u:pw@db.example.org:6543/rw"])
def test_a_postgresql_url_makes_a_postgresql_store_without_connecting(url):
    store = db.Database(url)
    assert store.dialect == "postgresql"
    assert store.describe() == "PostgreSQL db.example.org:6543/rw"  # never the password


def test_one_migration_history_with_postgresql_types():
    from server.storage.postgres import schema_script
    first = schema_script(1, db.MIGRATIONS[0])
    assert "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" in first
    assert "score DOUBLE PRECISION" in first and "REAL" not in first
    rebuild = next(n for n, m in enumerate(db.MIGRATIONS, 1) if "AUTOINCREMENT" in m)
    assert schema_script(rebuild, db.MIGRATIONS[rebuild - 1]) == ""  # SQLite's AUTOINCREMENT rebuild
    assert [db.migration_script(n, "sqlite") for n in range(1, len(db.MIGRATIONS) + 1)] == \
        list(db.MIGRATIONS)


def test_migration_is_idempotent_on_both(database):
    assert database.migrate() == len(db.MIGRATIONS)
    assert database.schema_version() == len(db.MIGRATIONS)


def test_erased_ids_are_never_reused(conn):
    first, _ = examples.add(conn, NewExample("eerste", 1, "nl"), saved_by="a")
    second, _ = examples.add(conn, NewExample("tweede", 1, "nl"), saved_by="a")
    assert examples.erase(conn, second) is not None
    third, _ = examples.add(conn, NewExample("derde", 1, "nl"), saved_by="a")
    assert third > second > first


def test_errors_are_the_ones_the_server_catches_and_never_quote_a_value(conn, database):
    examples.add(conn, NewExample("Geheimwoord Qxzv", 1, "nl"), saved_by="a")
    with pytest.raises(sqlite3.IntegrityError) as caught:
        conn.execute("INSERT INTO examples (text, text_key, label, lang, saved_by, created_at)"
                     " SELECT text, text_key, label, lang, saved_by, created_at FROM examples")
    assert "Qxzv" not in str(caught.value)


def test_migration_is_idempotent_and_uses_wal(tmp_path):
    database = db.Database(str(tmp_path / "x.sqlite3"))
    assert database.migrate() == len(db.MIGRATIONS)
    assert database.migrate() == len(db.MIGRATIONS)
    with contextlib.closing(database.connect()) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == db.BUSY_TIMEOUT_MS


def test_newer_schema_is_refused(tmp_path):
    database = db.Database(str(tmp_path / "x.sqlite3"))
    database.migrate()
    conn = database.connect()
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(db.DatabaseError, match="schema version 99, newer"):
        database.migrate()


def test_transaction_rolls_back_on_error(conn):
    with pytest.raises(RuntimeError), db.transaction(conn):
        examples.add(conn, NewExample("tekst", 1, "nl"), saved_by="t")
        raise RuntimeError("stop")
    assert example_rows.page(conn, state="new", page=1, per_page=1)[1] == 0


def test_same_scrubbed_text_and_label_is_stored_once(conn):
    first = examples.add(conn, NewExample("bel 06-12345678 jij  ***", 1, "nl"), saved_by="a")
    again = examples.add(conn, NewExample("bel 0612345678 jij ***", 1, "nl"), saved_by="b")
    other_label = examples.add(conn, NewExample("bel 06-12345678 jij ***", 0, "nl"), saved_by="a")
    assert first == (first[0], True)
    assert again == (first[0], False)
    assert other_label[1] is True and other_label[0] != first[0]
    assert example_rows.get(conn, first[0])["text"] == "bel [telefoon] jij  ***"


def test_relabel_onto_an_existing_example_is_a_conflict(conn):
    one, _ = examples.add(conn, NewExample("zelfde tekst", 1, "nl"), saved_by="a")
    zero, _ = examples.add(conn, NewExample("zelfde tekst", 0, "nl"), saved_by="a")
    with pytest.raises(examples.ExampleConflict, match=f"example {one} already"):
        examples.update(conn, zero, {"label": 1}, reviewed_by="admin")


def test_relabel_to_zero_drops_the_category(conn):
    example_id, _ = examples.add(conn, NewExample("tekst", 1, "nl", category="hurtful"), saved_by="a")
    updated = examples.update(conn, example_id, {"label": 0}, reviewed_by="admin")
    assert (updated["label"], updated["category"], updated["reviewed_by"]) == (0, None, "admin")
    with pytest.raises(examples.ExampleError, match="fits only label 1"):
        examples.update(conn, example_id, {"category": "hurtful"}, reviewed_by="admin")


def test_check_constraints_guard_the_states(conn):
    example_id, _ = examples.add(conn, NewExample("tekst", 1, "nl"), saved_by="a")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE examples SET state = 'maybe' WHERE id = ?", (example_id,))


def test_training_takes_accepted_examples_and_new_ones_only_when_asked(conn):
    ids = {state: examples.add(conn, NewExample(f"tekst {state}", 1, "nl", state=state), saved_by="a")[0]
           for state in ("new", "accepted", "rejected")}
    assert [e["id"] for e in examples.for_training(conn, include_unreviewed=False)] == [ids["accepted"]]
    assert [e["id"] for e in examples.for_training(conn, include_unreviewed=True)] == \
        [ids["new"], ids["accepted"]]


def test_two_servers_starting_together_migrate_once(database_url, backend):
    if backend != "postgresql":
        pytest.skip("SQLite: one machine, one file lock (BEGIN IMMEDIATE) already")
    import threading
    stores = [db.Database(database_url) for _ in range(4)]
    errors = []

    def start(store):
        try:
            store.migrate()
        except Exception as err:  # noqa: BLE001 -- collected and asserted below
            errors.append(err)
    threads = [threading.Thread(target=start, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert stores[0].schema_version() == len(db.MIGRATIONS)


def test_an_unreachable_postgresql_is_one_plain_error(backend):
    if backend != "postgresql":
        pytest.skip("PostgreSQL only")
    from tests.postgres_cluster import free_port
    store = db.Database(f"postgresql://nobody:pw@127.0.0.1:{free_port()}/none")
    with pytest.raises(sqlite3.OperationalError, match="PostgreSQL: .*127.0.0.1") as caught:
        store.migrate()
    assert "pw" not in str(caught.value)

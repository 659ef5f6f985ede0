"""Shared fixtures: an app with its own temporary data folder, a test client, a CLI runner.

The storage, API and retrain tests run on both databases: a module that sets
``BOTH_BACKENDS = True`` has each of its tests (that build an app or take ``database_url``) run
on SQLite and on a real PostgreSQL, which the session starts itself (``postgres_cluster``);
every test gets a database of its own. In CI (the CI variable set) a PostgreSQL that cannot
start fails those tests instead of skipping them.
"""
from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

import pytest

from server import create_app
from server.learning.signing import Signer

FIXTURES = Path(__file__).parent / "fixtures"
# Signs the session's small model; a test's server (its own key) takes the copy over at its first
# start, as it does with the versions of a server from before versions were signed.
SESSION_SIGNER = Signer(secrets.token_bytes(32))
TRAINING_DATA = Path(__file__).resolve().parent.parent / "training_data"

# The sentence encoder ships its weights in its package: nothing may be fetched from a model
# hub, in tests or anywhere (these make any Hugging Face library fail instead of download).
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"


@pytest.fixture(scope="session")
def real_model():
    """The hybrid model trained on the project's own training_data/, once per test session.

    Training it takes about a minute on two cores: only tests marked ``slow`` use it.
    """
    import model
    return model.train(model.load_dataset(TRAINING_DATA))


@pytest.fixture(scope="session")
def small_models_dir(tmp_path_factory) -> Path:
    """A models folder (one version + ACTIVE) trained once per session on training_small."""
    from server.learning.model_store import ModelStore, train_from
    store = ModelStore(tmp_path_factory.mktemp("small-model") / "models", signer=SESSION_SIGNER)
    store.record_active(store.add(train_from(FIXTURES / "training_small")))
    return store.models_dir


@pytest.fixture(scope="session")
def small_model(small_models_dir: Path):
    """The session's small model, loaded (tests must not change it)."""
    from server.learning.model_store import ModelStore
    store = ModelStore(small_models_dir, signer=SESSION_SIGNER)
    return store.load_version(store.read_active())


@pytest.fixture
def data_dir(tmp_path: Path, small_models_dir: Path) -> Path:
    """A fresh data folder holding a copy of the session's small model, so no test trains one."""
    path = tmp_path / "data"
    path.mkdir()
    shutil.copytree(small_models_dir, path / "models")
    return path


BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames and getattr(metafunc.module, "BOTH_BACKENDS", False):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def postgres_cluster():
    """A PostgreSQL server of this session (initdb in a temporary folder, a free port)."""
    from tests.postgres_cluster import Cluster, ClusterUnavailable
    try:
        cluster = Cluster().start()
    except ClusterUnavailable as err:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs PostgreSQL for the storage, API and retrain tests: {err}")
        pytest.skip(f"PostgreSQL is not available: {err}")
    yield cluster
    cluster.stop()


@pytest.fixture
def backend(request) -> str:
    """The database of this test: "sqlite", or "postgresql" in a BOTH_BACKENDS module."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def database_url(backend: str, request) -> str | None:
    """The DATABASE setting of this test: None (SQLite in the data folder) or a fresh
    PostgreSQL database."""
    if backend == "sqlite":
        yield None
        return
    cluster = request.getfixturevalue("postgres_cluster")
    url = cluster.create_database()
    yield url
    cluster.drop_database(url)


@pytest.fixture
def app_config(data_dir: Path, database_url: str | None) -> dict:
    """Test overrides for create_app; tests may extend it before `app` is built."""
    return {
        "TESTING": True,
        "DATA_DIR": str(data_dir),
        "TRAINING_DATA_DIR": str(FIXTURES / "training_small"),
        "REGRESSION_SET": str(FIXTURES / "retrain" / "regression.csv"),
        **({"DATABASE": database_url} if database_url else {}),
        # Tests send many bad tokens from one address on purpose; the throttling tests lower it.
        "AUTH_FAILURE_LIMIT": 1_000_000,
    }


@pytest.fixture
def app(app_config: dict):
    app = create_app(app_config)
    yield app
    app.extensions["db"].close()


def make_token(app, name: str, role: str) -> str:
    """Create a token in the app's database and return the secret (as `token create` prints it)."""
    from server import auth
    from server.database import get_db
    with app.app_context():
        return auth.create_token(get_db(), name=name, role=role)


def cli_settings(monkeypatch, app) -> None:
    """``reageerwijzer ...`` called in a test uses the app's data folder and database."""
    monkeypatch.setenv("REAGEERWIJZER_DATA_DIR", str(app.config["DATA_DIR"]))
    if app.config.get("DATABASE"):
        monkeypatch.setenv("REAGEERWIJZER_DATABASE", app.config["DATABASE"])


def token_client(app, token: str | None):
    client = app.test_client()
    if token is not None:
        client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


@pytest.fixture
def worker_token(app) -> str:
    return make_token(app, "test-worker", "worker")


@pytest.fixture
def admin_token(app) -> str:
    return make_token(app, "test-admin", "admin")


@pytest.fixture
def client(app, worker_token):
    """A test client authenticated with a worker token (what the extension uses)."""
    return token_client(app, worker_token)


@pytest.fixture
def admin_client(app, admin_token):
    """A test client authenticated with an admin token (review, retrain, model versions)."""
    return token_client(app, admin_token)


@pytest.fixture
def anon_client(app):
    """A test client without a token: only /health answers it."""
    return token_client(app, None)

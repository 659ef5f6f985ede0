"""Shared fixtures: an app with its own temporary data folder, a test client, a CLI runner."""
from __future__ import annotations

from pathlib import Path

import pytest

from server import create_app

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def app_config(data_dir: Path) -> dict:
    """Test overrides for create_app; tests may extend it before `app` is built."""
    return {
        "TESTING": True,
        "DATA_DIR": str(data_dir),
        "TRAINING_DATA_DIR": str(FIXTURES / "training_small"),
    }


@pytest.fixture
def app(app_config: dict):
    return create_app(app_config)


@pytest.fixture
def client(app):
    return app.test_client()

"""Reageerwijzer's HTTP server: the guideline, the advice and the classifier under /api/v1, and the
coordinator's console under /console."""
from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import config


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, then REAGEERWIJZER_* environment variables, then test overrides."""
    app = configured_app(test_config)

    from . import auth, cors, database, errors, hosts, storage_errors
    from .guideline import service as guideline_service
    from .learning import jobs, model_store, retrain
    errors.init_app(app)
    storage_errors.init_app(app)
    hosts.init_app(app)
    cors.init_app(app)
    database.init_app(app)
    auth.init_app(app)
    jobs.init_app(app)
    guideline_service.init_app(app)
    model_store.init_app(app)
    retrain.init_app(app)

    from .api import bp as api_bp
    app.register_blueprint(api_bp)
    from . import perspective
    perspective.init_app(app)
    from . import console
    console.init_app(app)
    return app


def configured_app(test_config: dict | None = None) -> Flask:
    """An app with its configuration and data folder but nothing loaded (commands that need no model)."""
    app = Flask(__name__)
    app.config.from_mapping(config.DEFAULTS)
    app.config.from_prefixed_env(config.ENV_PREFIX)
    if test_config:
        app.config.from_mapping(test_config)
    data_dir = Path(app.config["DATA_DIR"] or config.default_data_dir())
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Examples, tokens' hashes, the signing key, models that learnt from examples: this user's
    # only, whatever the umask (and tightened if an older version left it open).
    if data_dir.stat().st_mode & 0o077:
        data_dir.chmod(0o700)
    app.config["DATA_DIR"] = str(data_dir)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    return app

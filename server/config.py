"""Configuration defaults.

Every key can be overridden by an environment variable with the ``REAGEERWIJZER_`` prefix
(``REAGEERWIJZER_DATA_DIR=/srv/reageerwijzer``), read by ``create_app``.
"""
from __future__ import annotations

import os
from pathlib import Path

import model

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "REAGEERWIJZER"


def default_data_dir() -> Path:
    """Where the server keeps its state when REAGEERWIJZER_DATA_DIR is unset."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "reageerwijzer"


DEFAULTS = {
    # Folder for the database, the model versions and other state.
    "DATA_DIR": None,  # resolved in create_app: default_data_dir()
    # Labelled examples written for the project, used to train the model.
    "TRAINING_DATA_DIR": str(PROJECT_ROOT / "training_data"),
    # The guideline file (questions, outcomes, tips, don'ts); an organisation may point to its own copy.
    "GUIDELINE_FILE": str(Path(__file__).resolve().parent / "guideline" / "guideline.json"),
    # Largest request body accepted, in bytes; larger bodies get 413.
    "MAX_CONTENT_LENGTH": 64 * 1024,
    # Emergency contacts shown with the `refer` outcome (112, police, reporting discrimination):
    # "nl" or "be" for the shipped defaults, the path of an organisation's own .json file, or ""
    # for none. See server/guideline/emergency.json for the shape.
    "EMERGENCY_CONTACTS": "nl",
    # The case log: with true, the extension records each completed walk (outcome, path,
    # platform, never the text) through POST /api/v1/cases; with false that endpoint is 404.
    "CASE_LOG": False,
    # Longest post text accepted for classification and as an example, in characters
    # (/health tells clients, so the extension cuts a selection to the same length).
    "MAX_TEXT_CHARS": model.MAX_TEXT_CHARS,
    # Extra CORS origins besides browser extensions (comma-separated).
    "CORS_ORIGINS": "",
    # Where examples, tokens and jobs are kept: sqlite:////path/file.sqlite3, a file path, or
    # postgresql://user:pass@host/db (shared by several servers).
    "DATABASE": None,  # resolved in database.init_app: DATA_DIR/reageerwijzer.sqlite3
    # The model versions and ACTIVE. Servers that share a PostgreSQL database share this folder
    # too (NFS or SMB), and REAGEERWIJZER_SECRET_KEY, which signs what is in it.
    "MODEL_STORE_DIR": None,  # resolved in model_store.models_dir: DATA_DIR/models
    # Fixed held-out set the retrained model is judged on; never trained on.
    "REGRESSION_SET": str(PROJECT_ROOT / "training_data" / "regression" / "regression.csv"),
    # A retrained model replaces the active one only if its macro-F1 on the regression set is
    # at most this much lower.
    "GATE_MAX_DROP": 0.01,
    # Whether retraining also learns from examples nobody has reviewed yet (state "new").
    "RETRAIN_INCLUDE_UNREVIEWED": False,
    # Folds of the cross-validation reported for a retrained model.
    "RETRAIN_CV_FOLDS": 5,
    # A retraining that runs longer than this (seconds) is stopped and marked failed.
    "RETRAIN_TIMEOUT": 3600,
    # Inactive model versions kept after a retraining; older ones are deleted (their
    # vocabularies hold words of the examples they were trained on).
    "KEEP_MODEL_VERSIONS": 5,
    # Browser extensions allowed by CORS, comma-separated ids (Chromium: 32 letters a-p;
    # Firefox: the UUID of the installed add-on). Empty: any extension origin.
    "EXTENSION_IDS": "",
    # Host names the server answers to (the Host header), comma-separated; others get 400.
    # A leading dot allows subdomains (".example.org").
    "ALLOWED_HOSTS": "localhost,127.0.0.1,[::1],::1",
    # Failed authentications from one address within AUTH_FAILURE_WINDOW seconds after which
    # it is refused (429) for a while, doubling with every further failure.
    "AUTH_FAILURE_LIMIT": 10,
    "AUTH_FAILURE_WINDOW": 60,
    # Whether Perspective's feedback call (POST /v1alpha1/comments:suggestscore) may store the
    # comment as a labelled example (state "new"); off, it answers 403 and keeps nothing.
    "PERSPECTIVE_FEEDBACK": False,
    # SECRET_KEY (REAGEERWIJZER_SECRET_KEY): when set, model versions are signed with a key
    # derived from it instead of DATA_DIR/secret.key (then every server sharing the model
    # folder needs the same value).
    # The coordinator console (/console): hours a sign-in lasts, and whether its cookie is
    # marked Secure: "auto" (when the request came over HTTPS, e.g. a TLS proxy that sets
    # X-Forwarded-Proto for a trusted waitress), "true" or "false".
    "CONSOLE_SESSION_HOURS": 8,
    "CONSOLE_SECURE_COOKIE": "auto",
}

"""GET /api/v1/health: is the server up, which model does it serve, which features and words it uses.

The one endpoint that needs no token: the extension asks it before it has one configured.
``vocabulary`` is the server's one list of post languages and harm categories (from ``model``)
and the text limit it enforces, so clients build their menus and limits from it.
"""
from __future__ import annotations

from flask import Blueprint, current_app

import model

from ..auth import public

bp = Blueprint("health", __name__)

# Optional features a client may look for: the extension shows "save as example" only
# when "examples" is listed, and records completed walks only when "case_log" is.
FEATURES = ["examples", "retrain"]


def features() -> list[str]:
    return FEATURES + (["case_log"] if current_app.config.get("CASE_LOG") is True else [])


def vocabulary() -> dict:
    """What a client may send: the model's languages and harm categories, the longest text."""
    return {"languages": list(model.LANGUAGES), "categories": list(model.CATEGORIES),
            "max_text_chars": int(current_app.config["MAX_TEXT_CHARS"])}


@bp.get("/health")
@public
def health():
    store = current_app.extensions.get("model_store")
    model_version = store.active_version if store is not None else None
    problem = current_app.extensions["storage_health"].problem()
    if problem:
        # Still 200: the server answers, classifies and advises; only storing fails.
        return {"status": "degraded", "reason": problem, "model_version": model_version,
                "features": features(), "vocabulary": vocabulary()}
    return {"status": "ok", "model_version": model_version, "features": features(),
            "vocabulary": vocabulary()}

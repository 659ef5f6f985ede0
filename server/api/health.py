"""GET /api/v1/health: is the server up, and which model does it serve."""
from __future__ import annotations

from flask import Blueprint, current_app


bp = Blueprint("health", __name__)


@bp.get("/health")
def health():
    store = current_app.extensions.get("model_store")
    model_version = store.active_version if store is not None else None
    return {"status": "ok", "model_version": model_version}

"""/api/v1/models: the saved model versions with their metrics, and switching the active one."""
from __future__ import annotations

import logging

from flask import Blueprint

import model as classifier

from ..auth import current_principal, requires
from ..errors import APIError
from ..learning.model_store import UnknownVersionError, get_store

log = logging.getLogger(__name__)

bp = Blueprint("models", __name__)


@bp.get("/models")
def list_models():
    store = get_store()
    return {"active": store.active_version, "versions": store.list_versions()}


@bp.post("/models/<version>/activate")
@requires("admin")
def activate_model(version: str):
    store = get_store()
    previous = store.active_version
    try:
        store.activate(version)
    except UnknownVersionError:
        raise APIError(404, f"there is no model version {version!r}; GET /api/v1/models lists them",
                       code="not_found") from None
    except classifier.ModelFileError as err:
        raise APIError(409, f"model version {version} cannot be loaded ({type(err).__name__}); "
                            "the active model is unchanged", code="unusable_model") from None
    log.info("model version %s activated by %s (was %s)", version, current_principal().name, previous)
    return {"active": store.active_version, "previous": previous}

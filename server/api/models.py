"""/api/v1/models: the saved model versions with their metrics, and switching the active one."""
from __future__ import annotations

import logging

from flask import Blueprint

import model as classifier

from ..auth import current_principal, requires
from ..errors import APIError
from ..learning.model_store import (
    ActiveVersionError,
    UnknownVersionError,
    get_store,
    plain_reason,
)

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
        raise APIError(409, f"model version {version} cannot be loaded: {plain_reason(err)}; "
                            "the active model is unchanged", code="unusable_model") from None
    log.info("model version %s activated by %s (was %s)", version, current_principal().name, previous)
    return {"active": store.active_version, "previous": previous}


@bp.delete("/models/<version>")
@requires("admin")
def delete_model(version: str):
    """Delete an inactive version (files and record): what it learnt from erased examples goes."""
    try:
        get_store().delete(version)
    except UnknownVersionError:
        raise APIError(404, f"there is no model version {version!r}; GET /api/v1/models lists them",
                       code="not_found") from None
    except ActiveVersionError as err:
        raise APIError(409, str(err), code="active_model") from None
    log.info("model version %s deleted by %s", version, current_principal().name)
    return "", 204

"""/api/v1/tokens: list and revoke access tokens (admin). A revocation here counts from the
very next request in this process; one made with ``reageerwijzer token revoke`` (another
process) within a second (``auth.CHECK_INTERVAL``)."""
from __future__ import annotations

import logging

from flask import Blueprint

from .. import auth
from ..auth import current_principal, requires
from ..database import get_db
from ..errors import APIError
from ..storage import tokens as token_rows

log = logging.getLogger(__name__)

bp = Blueprint("tokens", __name__)


@bp.get("/tokens")
@requires("admin")
def list_tokens():
    return {"tokens": token_rows.listing(get_db())}


@bp.delete("/tokens/<name>")
@requires("admin")
def revoke_token(name: str):
    if not auth.revoke_token(get_db(), name):
        raise APIError(404, f"there is no active token named {name[:64]!r}", code="not_found")
    log.info("token %s revoked by %s", name, current_principal().name)
    return "", 204

"""JSON errors for the whole API.

Every error leaves the server as ``{"error": {"code", "name", "message"}}`` with a 4xx or 5xx
status; clients (the extension, scripts) never see an HTML page or a traceback.
"""
from __future__ import annotations

import logging
import traceback
from pathlib import Path

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)


class APIError(Exception):
    """A client error: status, machine code, human message, and headers the answer needs."""

    def __init__(self, status: int, message: str, *, code: str = "invalid_request",
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}


def error_body(status: int, code: str, name: str, message: str):
    return jsonify({"error": {"code": code, "name": name, "message": message}}), status


def _handle_api_error(err: APIError):
    response, status = error_body(err.status, err.code, _status_name(err.status), err.message)
    response.headers.update(err.headers)
    return response, status


def _handle_http_exception(err: HTTPException):
    code = (err.name or "error").lower().replace(" ", "_")
    response, status = error_body(err.code or 500, code, err.name, err.description or err.name)
    for name, value in err.get_headers():  # e.g. Allow on a 405, Retry-After
        if name.lower() != "content-type":
            response.headers[name] = value
    return response, status


def _handle_unexpected(err: InternalServerError):
    # Log where it failed, never the request body nor an exception's message (either may hold a
    # post text, e.g. a library's ValueError quoting its input), and answer in JSON.
    original = getattr(err, "original_exception", None)
    rule = request.url_rule.rule if request.url_rule is not None else "(no route)"
    log.error("internal error in %s %s: %s", request.method, rule,
              where(original) if original is not None else err.name)
    return error_body(500, "internal_error", "Internal Server Error",
                      "The server hit an unexpected problem; the request was not completed.")


def where(exc: BaseException) -> str:
    """Each exception of the chain by type and innermost frames (file:line function), no message."""
    parts, seen = [], set()
    while exc is not None and id(exc) not in seen and len(parts) < 5:
        seen.add(id(exc))
        frames = traceback.extract_tb(exc.__traceback__)[-4:]
        trail = " < ".join(f"{'/'.join(Path(f.filename).parts[-2:])}:{f.lineno} {f.name}"
                           for f in reversed(frames))
        parts.append(f"{type(exc).__name__} at {trail or '?'}")
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    return "; while handling ".join(parts)


def _status_name(status: int) -> str:
    from http import HTTPStatus
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def init_app(app: Flask) -> None:
    # Flask's own log of an unhandled exception is its full traceback, message included;
    # _handle_unexpected logs it without the message instead.
    app.log_exception = lambda exc_info: None
    app.register_error_handler(APIError, _handle_api_error)
    app.register_error_handler(InternalServerError, _handle_unexpected)
    app.register_error_handler(HTTPException, _handle_http_exception)

"""JSON errors for the whole API.

Every error leaves the server as ``{"error": {"code", "name", "message"}}`` with a 4xx or 5xx
status; clients (the extension, scripts) never see an HTML page or a traceback.
"""
from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)


class APIError(Exception):
    """A client error found while validating a request: status, machine code, human message."""

    def __init__(self, status: int, message: str, *, code: str = "invalid_request") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


def error_body(status: int, code: str, name: str, message: str):
    return jsonify({"error": {"code": code, "name": name, "message": message}}), status


def _handle_api_error(err: APIError):
    return error_body(err.status, err.code, _status_name(err.status), err.message)


def _handle_http_exception(err: HTTPException):
    code = (err.name or "error").lower().replace(" ", "_")
    return error_body(err.code or 500, code, err.name, err.description or err.name)


def _handle_unexpected(err: InternalServerError):
    # Log the cause (never the request body: it may hold a post text) and answer in JSON.
    original = getattr(err, "original_exception", None)
    log.error("internal error: %s", type(original).__name__ if original else err)
    return error_body(500, "internal_error", "Internal Server Error",
                      "The server hit an unexpected problem; the request was not completed.")


def _status_name(status: int) -> str:
    from http import HTTPStatus
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def init_app(app: Flask) -> None:
    app.register_error_handler(APIError, _handle_api_error)
    app.register_error_handler(InternalServerError, _handle_unexpected)
    app.register_error_handler(HTTPException, _handle_http_exception)

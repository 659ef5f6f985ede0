"""Perspective's error shape for every error under /v1alpha1.

Google's APIs answer ``{"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT"}}``
and Perspective clients read ``error.message``. The rest of the server answers
``{"error": {"code": "<machine code>", "name", "message"}}``; one after-request hook rewrites
those (from our own views, the token check, the host check, routing's 404 and 405, a 413 or
a 500) into Google's shape for this path, keeping the status and the message, and adding our
machine code under ``details`` for whoever reads further.
"""
from __future__ import annotations

from flask import Flask, Response, json, request

from ..errors import APIError
from . import PREFIX

# HTTP status -> google.rpc.Code name, as Google's APIs pair them.
STATUS_NAMES = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED",
                404: "NOT_FOUND", 405: "INVALID_ARGUMENT", 409: "ALREADY_EXISTS",
                413: "INVALID_ARGUMENT", 415: "INVALID_ARGUMENT", 429: "RESOURCE_EXHAUSTED",
                500: "INTERNAL", 501: "UNIMPLEMENTED", 503: "UNAVAILABLE"}


class PerspectiveError(APIError):
    """A client error of a Perspective request; answered in Google's shape like every error here."""


def google_error(status: int, message: str, code: str | None = None) -> dict:
    body = {"code": status, "message": message,
            "status": STATUS_NAMES.get(status, "INVALID_ARGUMENT" if status < 500 else "INTERNAL")}
    if code:
        body["details"] = [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                            "reason": code.upper(), "domain": "reageerwijzer"}]
    return {"error": body}


def _in_google_shape(response: Response) -> Response:
    if response.status_code < 400 or not (request.path == PREFIX or request.path.startswith(PREFIX + "/")):
        return response
    body = response.get_json(silent=True) if response.is_json else None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict) or isinstance(error.get("code"), int):
        return response
    code = error.get("code") if isinstance(error.get("code"), str) else None
    message = str(error.get("message") or error.get("name") or "request failed")
    response.set_data(json.dumps(google_error(response.status_code, message, code)))
    response.mimetype = "application/json"
    return response


def init_app(app: Flask) -> None:
    app.after_request(_in_google_shape)

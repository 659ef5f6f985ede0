"""CORS: admit the browser extension and the origins an organisation configures, nothing else.

With ``EXTENSION_IDS`` set, only those extensions' origins pass (an extension id is fixed per
published extension in Chromium, and per installation in Firefox); unset, any extension origin
does, which is simple for a first try-out but lets every installed extension call the API.
"""
from __future__ import annotations

import re

from flask import Flask
from flask_cors import CORS

EXTENSION_ORIGINS = [re.compile(r"^chrome-extension://[a-p]{32}$"),
                     re.compile(r"^moz-extension://[0-9a-f-]{36}$")]
_CHROMIUM_ID = re.compile(r"[a-p]{32}")
_FIREFOX_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class CorsConfigError(ValueError):
    """EXTENSION_IDS holds a value that is no extension id; the message names it."""


def extension_origins(ids: str) -> list:
    """The origins of the configured extension ids; all extensions when none is configured."""
    wanted = [i.strip() for i in str(ids or "").split(",") if i.strip()]
    if not wanted:
        return list(EXTENSION_ORIGINS)
    origins = []
    for ext_id in wanted:
        if _CHROMIUM_ID.fullmatch(ext_id):
            origins.append(f"chrome-extension://{ext_id}")
        elif _FIREFOX_ID.fullmatch(ext_id.lower()):
            origins.append(f"moz-extension://{ext_id.lower()}")
        else:
            raise CorsConfigError(f"EXTENSION_IDS: {ext_id[:60]!r} is neither a Chromium extension "
                                  "id (32 letters a-p) nor a Firefox extension UUID")
    return origins


def init_app(app: Flask) -> None:
    configured = [o.strip() for o in str(app.config.get("CORS_ORIGINS", "")).split(",") if o.strip()]
    CORS(app, resources={r"/api/*": {"origins": extension_origins(app.config.get("EXTENSION_IDS"))
                                     + configured}},
         allow_headers=["Authorization", "Content-Type"], max_age=600)

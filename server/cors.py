"""CORS: admit browser-extension origins and the origins an organisation configures, nothing else."""
from __future__ import annotations

import re

from flask import Flask
from flask_cors import CORS

EXTENSION_ORIGINS = [re.compile(r"^chrome-extension://[a-p]{32}$"),
                     re.compile(r"^moz-extension://[0-9a-f-]{36}$")]


def init_app(app: Flask) -> None:
    configured = [o.strip() for o in str(app.config.get("CORS_ORIGINS", "")).split(",") if o.strip()]
    CORS(app, resources={r"/api/*": {"origins": EXTENSION_ORIGINS + configured}},
         allow_headers=["Authorization", "Content-Type"], max_age=600)

"""Loads the guideline once per app; a broken file stops the server at startup."""
from __future__ import annotations

from flask import Flask, current_app

from . import Guideline, load_guideline


def init_app(app: Flask) -> None:
    app.extensions["guideline"] = load_guideline(app.config["GUIDELINE_FILE"],
                                                 app.config.get("EMERGENCY_CONTACTS", "nl"))


def get_guideline() -> Guideline:
    return current_app.extensions["guideline"]

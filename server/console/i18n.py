"""The console's language: every text a page shows comes from ``catalogue`` through ``translate``.

The language is Dutch unless the coordinator chose English: ``?lang=en`` on any page switches
and is remembered in a cookie. Numbers follow the language (0,877 in Dutch, 0.877 in English).
"""
from __future__ import annotations

import re

from flask import Flask, g, request, url_for

from . import bp
from .catalogue import CATALOGUE

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
COOKIE = "rw_console_lang"
_STAGE_FOLD = re.compile(r"cross-validation fold (\d+)/(\d+)")


def current_lang() -> str:
    return g.get("console_lang", DEFAULT)


def translate(key: str, /, lang: str | None = None, **values) -> str:
    """The text ``key`` in the page's language, with ``{name}`` fields filled from ``values``."""
    text = CATALOGUE[lang or current_lang()][key]
    return text.format(**values) if values else text


def number(value, digits: int = 3, lang: str | None = None) -> str:
    """``value`` with ``digits`` decimals, a decimal comma in Dutch; a dash for no value."""
    if value is None:
        return "–"
    text = f"{float(value):.{digits}f}"
    return text.replace(".", ",") if (lang or current_lang()) == "nl" else text


def signed(value, digits: int = 3) -> str:
    """A difference with its sign (+0,004 / −0,012)."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return sign + number(abs(value), digits)


def stage(text: str | None) -> str:
    """A retraining stage as the training process names it, in the page's language."""
    if not text:
        return translate("stage.queued")
    fold = _STAGE_FOLD.fullmatch(text)
    if fold:
        return translate("stage.fold", k=int(fold.group(1)), n=int(fold.group(2)))
    key = "stage." + text.replace(" ", "_")
    return translate(key) if key in CATALOGUE[current_lang()] else text


def when(stamp: str | None) -> str:
    """An ISO timestamp (UTC) as the pages show it: 2026-12-01 22:35 UTC."""
    if not stamp:
        return "–"
    return stamp.replace("T", " ")[:16] + " UTC"


@bp.before_request
def choose_language():
    wanted = request.args.get("lang")
    g.console_lang = wanted if wanted in LANGUAGES else (
        request.cookies.get(COOKIE) if request.cookies.get(COOKIE) in LANGUAGES else DEFAULT)


@bp.after_request
def remember_language(response):
    if request.args.get("lang") in LANGUAGES and request.cookies.get(COOKIE) != g.console_lang:
        response.set_cookie(COOKIE, g.console_lang, max_age=365 * 24 * 3600, path="/console",
                            httponly=True, samesite="Strict")
    return response


def lang_url(code: str) -> str:
    """This page in language ``code`` (a page that answered a form: the console's start)."""
    if request.method == "GET" and request.endpoint:
        # The path's own values win over a query parameter of the same name (?name=...).
        values = {**request.args.to_dict(), **(request.view_args or {}), "lang": code}
        return url_for(request.endpoint, **values)
    return url_for("console.home", lang=code)


@bp.context_processor
def template_helpers() -> dict:
    return {"_": translate, "lang": current_lang(), "languages": LANGUAGES, "num": number,
            "signed": signed, "stage_text": stage, "when": when, "lang_url": lang_url}


def init_app(app: Flask) -> None:
    """Refuse to start with a catalogue whose languages do not have the same texts."""
    keys = {lang: set(CATALOGUE[lang]) for lang in LANGUAGES}
    if keys["nl"] != keys["en"]:
        raise ValueError(f"console catalogue: nl and en differ in {sorted(keys['nl'] ^ keys['en'])}")

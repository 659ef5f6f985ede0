"""Trusted hosts: answer only requests whose Host header names this server.

A request for another host is a DNS-rebinding page in a browser or a misrouted request; it gets
400 before anything else runs. Host is never used to build a URL: redirects that would (Flask's
merging of double slashes, "//health" -> 308 to "http://<Host>/health") are switched off, and
Location headers are paths.
"""
from __future__ import annotations

import re

from flask import Flask, request

from .errors import error_body

_HOST = re.compile(r"(?P<name>\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?")


def allowed_hosts(value) -> list[str]:
    return [h.strip().lower() for h in str(value or "").split(",") if h.strip()]


def host_is_trusted(header: str, hosts: list[str]) -> bool:
    """Whether the Host header ``header`` (name, optional port) names one of ``hosts``."""
    match = _HOST.fullmatch(header.strip().lower())
    if match is None:
        return False
    name = match.group("name")
    if name.startswith("[") and name[1:-1] in hosts:
        return True
    return any(name == h or (h.startswith(".") and name.endswith(h)) for h in hosts)


def init_app(app: Flask) -> None:
    hosts = allowed_hosts(app.config.get("ALLOWED_HOSTS"))
    app.url_map.merge_slashes = False
    app.url_map.redirect_defaults = False

    def check_host():
        host = request.headers.get("Host", "")
        if not host or not host_is_trusted(host, hosts):
            return error_body(400, "untrusted_host", "Bad Request",
                              "this server does not answer for that host name; add it to "
                              "REAGEERWIJZER_ALLOWED_HOSTS if it is one of its names")
        return None

    # First of all before-request functions: nothing (not authentication) runs for a foreign host.
    app.before_request_funcs.setdefault(None, []).insert(0, check_host)

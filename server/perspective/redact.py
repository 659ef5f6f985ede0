"""Query strings out of access-log lines: Perspective clients send the API key as ``?key=``.

The production server (waitress) writes no access log; Flask's development server
(``flask run``, werkzeug) logs every request line with its query string, and a reverse proxy
in front may do the same (README, Replacing Perspective, says how to switch that off). This
filter cuts the query string from werkzeug's request lines, and any ``key=`` value from any
record of those loggers, before a handler sees them.
"""
from __future__ import annotations

import logging
import re

_KEY = re.compile(r"([?&;]key=)[^&\s\"']*", re.IGNORECASE)
_REQUEST_LINE = re.compile(r"^(\S+ [^\s?]*)\?\S*( HTTP/[\d.]+)$")
LOGGERS = ("werkzeug", "waitress")


def redact(text: str) -> str:
    """``text`` without the query string of a request line and without any key= value."""
    text = _REQUEST_LINE.sub(r"\1\2", text)
    return _KEY.sub(r"\1[removed]", text)


class QueryRedaction(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


def install() -> None:
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, QueryRedaction) for f in logger.filters):
            logger.addFilter(QueryRedaction())

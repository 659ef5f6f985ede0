"""Shared pieces of the command-line interface."""
from __future__ import annotations


class CommandError(Exception):
    """A command could not do its job; the message says why, and main() prints it (no traceback)."""

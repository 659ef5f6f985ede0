"""The guideline: one data file (questions, outcomes, tips, don'ts) and the engine that walks it.

Owns ``guideline.json``, its validation (``validate``), the engine (``engine``) and the app's
loaded copy (``service``: loaded once at startup, a broken file stops the server).

May import: the standard library; Flask in ``service`` only. Never ``model`` or other rooms.
"""
from .engine import Advice, AnswerError, Guideline, GuidelineError, load_guideline

__all__ = ["Advice", "AnswerError", "Guideline", "GuidelineError", "load_guideline"]

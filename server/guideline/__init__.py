"""The guideline: one data file (questions, outcomes, tips, don'ts) and the engine that walks it."""
from .engine import Advice, Guideline, GuidelineError, AnswerError, load_guideline

__all__ = ["Advice", "AnswerError", "Guideline", "GuidelineError", "load_guideline"]

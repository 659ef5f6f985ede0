"""Every console text goes through the catalogue, which has the same keys in Dutch and English."""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from server.console.catalogue import CATALOGUE

TEMPLATES = Path(__file__).resolve().parents[1] / "server" / "console" / "templates" / "console"
STATIC_KEY = re.compile(r"""_\(\s*["']([a-z0-9_.]+)["']\s*[,)]""")
DYNAMIC_KEY = re.compile(r"""_\(\s*["']([a-z0-9_.]+\.)["']\s*~""")


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_nl_and_en_have_the_same_keys_and_fields():
    assert set(CATALOGUE["nl"]) == set(CATALOGUE["en"])
    for key, nl in CATALOGUE["nl"].items():
        en = CATALOGUE["en"][key]
        assert nl.strip() and en.strip(), key
        assert fields(nl) == fields(en), key


def test_english_is_a_translation_not_a_copy():
    same = [k for k, v in CATALOGUE["nl"].items() if v == CATALOGUE["en"][k]]
    # Names and terms that read the same in both (Reageerwijzer, Tokens, Macro-F1, Model ...).
    assert len(same) < 0.1 * len(CATALOGUE["nl"]), same


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_templates_use_only_catalogue_keys(template):
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    for key in STATIC_KEY.findall(source):
        assert key in CATALOGUE["nl"], f"{template}: {key}"
    for prefix in DYNAMIC_KEY.findall(source):
        assert any(k.startswith(prefix) for k in CATALOGUE["nl"]), f"{template}: {prefix}"


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_templates_have_no_literal_text(template):
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    # The page's name (a data attribute for tests and scripts) is no text a person reads.
    source = re.sub(r"\{% block page %\}.*?\{% endblock %\}", " ", source)
    bare = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|&[a-z]+;", " ", source, flags=re.S)
    bare = re.sub(r"<kbd>[a-z0-9]</kbd>", " ", bare)  # key names are the same in every language
    for attribute in ("title", "aria-label", "placeholder", "alt"):
        for value in re.findall(rf'{attribute}="([^"]*)"', bare):
            assert not re.search(r"[A-Za-z]", value), f"{template}: {attribute}={value!r}"
    text = re.sub(r"<[^>]*>", " ", bare)
    words = re.findall(r"[A-Za-zÀ-ÿ]{2,}", text)
    assert not words, f"{template}: literal text {words[:5]}"


LEARNING = Path(__file__).resolve().parents[1] / "server" / "learning"
PROGRESS_CALL = re.compile(r"""progress\(\s*[0-9.]+\s*,\s*["']([^"'{}]+)["']\s*\)""")


def test_every_stage_the_retraining_reports_has_a_translation():
    """The stages are written by retrain.py and train_worker.py; the progress bar shows them."""
    stages = {s for name in ("retrain.py", "train_worker.py")
              for s in PROGRESS_CALL.findall((LEARNING / name).read_text(encoding="utf-8"))}
    assert {"starting", "loading data", "evaluating", "gate"} <= stages  # the pattern finds them
    for stage in stages:
        assert "stage." + stage.replace(" ", "_") in CATALOGUE["nl"], stage

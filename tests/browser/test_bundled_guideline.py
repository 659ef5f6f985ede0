"""The guideline shipped in the extension is the server's, in the API's shape (no browser needed)."""
from __future__ import annotations

import json

import pytest

from tests.browser.bundle_guideline import BUNDLE_DIR, VOCABULARY_FILE, bundled_text, bundled_vocabulary_text, languages


@pytest.mark.parametrize("lang", languages())
def test_bundled_guideline_matches_the_server(lang):
    path = BUNDLE_DIR / f"{lang}.json"
    assert path.exists(), f"{path} is missing; run `npm run guideline`"
    assert path.read_text(encoding="utf-8") == bundled_text(lang), (
        f"{path} differs from the server's guideline; run `npm run guideline`")


def test_bundled_vocabulary_matches_the_server(client):
    assert VOCABULARY_FILE.read_text(encoding="utf-8") == bundled_vocabulary_text(), "run `npm run guideline`"
    served = client.get("/api/v1/health").get_json()["vocabulary"]
    assert json.loads(VOCABULARY_FILE.read_text(encoding="utf-8")) == served

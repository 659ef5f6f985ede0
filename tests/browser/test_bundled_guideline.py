"""The guideline shipped in the extension is the server's, in the API's shape (no browser needed)."""
from __future__ import annotations

import pytest

from tests.browser.bundle_guideline import BUNDLE_DIR, bundled_text, languages


@pytest.mark.parametrize("lang", languages())
def test_bundled_guideline_matches_the_server(lang):
    path = BUNDLE_DIR / f"{lang}.json"
    assert path.exists(), f"{path} is missing; run `npm run guideline`"
    assert path.read_text(encoding="utf-8") == bundled_text(lang), (
        f"{path} differs from the server's guideline; run `npm run guideline`")

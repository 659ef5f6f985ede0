"""Write the guideline the extension ships for its very first run offline.

extension/guideline/<lang>.json holds exactly what GET /api/v1/guideline?lang=<lang> returns for
the server's own guideline file, so the popup walks the same tree with or without the server;
extension/guideline/vocabulary.json the languages, harm categories and text limit of /health.
Run after editing server/guideline/guideline.json:  npm run guideline
(test_bundled_guideline.py fails while the copies are stale).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDELINE_FILE = ROOT / "server" / "guideline" / "guideline.json"
BUNDLE_DIR = ROOT / "extension" / "guideline"


def bundled_text(lang: str) -> str:
    """The file content for one language, as the API would describe it."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from server.guideline import load_guideline

    doc = load_guideline(GUIDELINE_FILE).describe(lang)
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


VOCABULARY_FILE = BUNDLE_DIR / "vocabulary.json"


def bundled_vocabulary_text() -> str:
    """The vocabulary GET /api/v1/health serves with the default configuration."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import model
    from server.config import DEFAULTS

    vocabulary = {"languages": list(model.LANGUAGES), "categories": list(model.CATEGORIES),
                  "max_text_chars": DEFAULTS["MAX_TEXT_CHARS"]}
    return json.dumps(vocabulary, ensure_ascii=False, indent=1) + "\n"


def languages() -> list[str]:
    return list(json.loads(GUIDELINE_FILE.read_text(encoding="utf-8"))["languages"])


def main() -> int:
    BUNDLE_DIR.mkdir(exist_ok=True)
    for lang in languages():
        path = BUNDLE_DIR / f"{lang}.json"
        path.write_text(bundled_text(lang), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    VOCABULARY_FILE.write_text(bundled_vocabulary_text(), encoding="utf-8")
    print(f"wrote {VOCABULARY_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""(a) Classify in-process: a typical and a 280-character post, a corpus of unseen posts, batch
throughput, where the time of one post goes, and the same for the n-gram model alone."""
from __future__ import annotations

import time
from pathlib import Path

import model

from ._stats import summarize

# A post of typical length (the training texts average about 70 characters).
TYPICAL_POST = ("Die nieuwe buren maken elke avond herrie, echt asociaal volk. "
                "Iemand moet ze eens een lesje leren")
# A long post (280 characters, the length of a tweet) that is flagged, so the explanation runs.
LONG_POST = ("Snap niet waarom iedereen zo moeilijk doet, ze komen hier, ze "
             "pakken onze huizen en dan moeten wij nog dankbaar zijn ook? Naar mijn idee zijn "
             "het gewoon parasieten die terug moeten naar hun eigen land, en wie dat niet durft "
             "te zeggen is een lafaard. Echt te gek voor woorden dit!!")
assert len(LONG_POST) == 280, len(LONG_POST)


def run(store, *, corpus: list[str], quick: bool) -> dict:
    """Latency and throughput of the store's active model, as the server calls it."""
    clf = store.model
    return measure(clf, corpus=corpus, quick=quick)


def measure(clf, *, corpus: list[str], quick: bool) -> dict:
    """The figures for one classifier (the served hybrid, or the n-gram model alone)."""
    count, budget = (300, 5.0) if quick else (1000, 15.0)
    for _ in range(20):  # warm the caches (char n-grams and encoder scores per word)
        clf.classify(TYPICAL_POST)
        clf.classify(LONG_POST)
    typical = _timed(lambda: clf.classify(TYPICAL_POST), count, budget)
    typical_no_explain = _timed(lambda: clf.classify(TYPICAL_POST, explain=False), count, budget)
    long = _timed(lambda: clf.classify(LONG_POST), count, budget)
    # Unseen posts, each once: what the server meets.
    started = time.perf_counter()
    corpus_times = []
    for text in corpus:
        t0 = time.perf_counter()
        clf.classify(text)
        corpus_times.append(time.perf_counter() - t0)
        if time.perf_counter() - started > budget:
            break
    loop_seconds = sum(corpus_times)
    batch_texts = corpus * (1 if quick else 2)
    t0 = time.perf_counter()
    clf.scores(batch_texts)
    batch_seconds = time.perf_counter() - t0
    return {
        "hybrid": clf.hybrid,
        "long_post_chars": len(LONG_POST),
        "long_post_label": clf.classify(LONG_POST)["label"],
        "long": summarize(long),
        "profile": profile(clf, count=count, budget=budget),
        "typical_post_chars": len(TYPICAL_POST),
        "typical": summarize(typical),
        "typical_without_explanation": summarize(typical_no_explain),
        "corpus": {**summarize(corpus_times), "texts": len(corpus_times)},
        "single_text_throughput_per_s": round(len(corpus_times) / loop_seconds, 1),
        "batch": {"texts": len(batch_texts), "seconds": round(batch_seconds, 3),
                  "throughput_per_s": round(len(batch_texts) / batch_seconds, 1)},
    }


def profile(clf, *, count: int, budget: float) -> dict:
    """Where the time of classifying LONG_POST (with explanation) goes: p50 of each part."""
    parts = {"n-gram view (score and word shares)": lambda: clf._fast().score(LONG_POST)}
    if clf.hybrid:
        views = clf.pipeline.named_steps["views"]
        parts["sentence encoder (one post)"] = lambda: views.encode([LONG_POST])
        highlighter = clf._highlighter()
        fast, fused = clf._fast(), clf.pipeline.named_steps["classify"]
        ngram = fast.score(LONG_POST)
        z = float(fused.encoder_logit(views.encode([LONG_POST]))[0])
        parts["highlights (words alone, deletion check)"] = lambda: highlighter.explain(
            LONG_POST, ngram, z)
    parts["classify without explanation"] = lambda: clf.classify(LONG_POST, explain=False)
    parts["classify with explanation"] = lambda: clf.classify(LONG_POST)
    return {name: summarize(_timed(call, count, budget / len(parts)))["p50_ms"]
            for name, call in parts.items()}


def load_corpus(regression_set: Path, training_dir: Path, *, limit: int = 2000) -> list[str]:
    """Posts the model has not trained on (the regression set) first, then training posts."""
    from model import read_csv
    texts = [e.text for e in read_csv(regression_set)]
    texts += model.load_dataset(training_dir).texts
    return texts[:limit]


def _timed(call, count: int, budget: float) -> list[float]:
    times = []
    deadline = time.perf_counter() + budget
    for _ in range(count):
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
        if t0 > deadline:
            break
    return times

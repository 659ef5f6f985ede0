"""(a) Classify in-process: one typical post, a corpus of unseen posts, and batch throughput."""
from __future__ import annotations

import time
from pathlib import Path

import model

from ._stats import summarize

# A post of typical length (the training texts average about 70 characters).
TYPICAL_POST = ("Die nieuwe buren maken elke avond herrie, echt asociaal volk. "
                "Iemand moet ze eens een lesje leren")


def run(store, *, corpus: list[str], quick: bool) -> dict:
    """Latency and throughput of the store's active model, as the server calls it."""
    clf = store.model
    count, budget = (1000, 5.0) if quick else (5000, 20.0)
    for _ in range(200):  # warm the caches (char n-grams per word, word normalisation)
        clf.classify(TYPICAL_POST)
    typical = _timed(lambda: clf.classify(TYPICAL_POST), count, budget)
    typical_no_explain = _timed(lambda: clf.classify(TYPICAL_POST, explain=False), count, budget)
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
    batch_texts = corpus * (1 if quick else 3)
    t0 = time.perf_counter()
    clf.scores(batch_texts)
    batch_seconds = time.perf_counter() - t0
    return {
        "typical_post_chars": len(TYPICAL_POST),
        "typical": summarize(typical),
        "typical_without_explanation": summarize(typical_no_explain),
        "corpus": {**summarize(corpus_times), "texts": len(corpus_times)},
        "single_text_throughput_per_s": round(len(corpus_times) / loop_seconds, 1),
        "batch": {"texts": len(batch_texts), "seconds": round(batch_seconds, 3),
                  "throughput_per_s": round(len(batch_texts) / batch_seconds, 1)},
    }


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

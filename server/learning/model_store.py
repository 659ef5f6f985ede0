"""The server's model versions and the one it serves.

Layout under ``DATA_DIR/models``::

    ACTIVE                          the active version's id, one line (replaced atomically)
    20261123T235959Z-1a2b3c4d/      one folder per version: model.joblib + model.json
    ...

Only folders in here are ever loaded (a model file is a pickle), and each load checks the
artifact's sha256 first. On the first start, when there is no version at all, one is trained
from ``TRAINING_DATA_DIR``. A missing or corrupt active model stops the server at startup.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path

from flask import Flask, current_app

import model as classifier
from model import PostClassifier

log = logging.getLogger(__name__)

ACTIVE_FILE = "ACTIVE"
VERSION_RE = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{8}$")


class ModelStoreError(RuntimeError):
    """The model folder is not in a usable state; the message says what and where."""


class UnknownVersionError(ModelStoreError, LookupError):
    """A version id that is malformed or has no folder in the model store."""


class ModelStore:
    """Versions on disk plus the loaded active model; ``swap``/``activate`` are thread-safe.

    Readers take ``self._current`` (an immutable pair) in one step, so a request never sees
    the version of one model with the scores of another.
    """

    def __init__(self, models_dir: str | os.PathLike) -> None:
        self.models_dir = Path(models_dir)
        self.models_dir.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._current: tuple[str, PostClassifier] | None = None

    # -- what is served ------------------------------------------------------------------

    @property
    def active_version(self) -> str | None:
        current = self._current
        return current[0] if current else None

    @property
    def model(self) -> PostClassifier:
        current = self._current
        if current is None:
            raise ModelStoreError("no model is loaded")
        return current[1]

    def classify(self, text: str, *, explain: bool = True) -> dict:
        """The active model's verdict on ``text``, with ``model_version``."""
        current = self._current
        if current is None:
            raise ModelStoreError("no model is loaded")
        version, model = current
        return {**model.classify(text, explain=explain), "model_version": version}

    # -- versions on disk ------------------------------------------------------------------

    def list_versions(self) -> list[dict]:
        """Every saved version, oldest first: id, created_at, threshold, metrics, active."""
        active = self.read_active()
        out = []
        for path in sorted(self.models_dir.iterdir()):
            if not (path.is_dir() and VERSION_RE.match(path.name)):
                continue
            try:
                sidecar = classifier.read_sidecar(path, root=self.models_dir)
            except classifier.ModelFileError as err:
                out.append({"version": path.name, "active": path.name == active, "error": str(err)})
                continue
            out.append({"version": path.name, "active": path.name == active,
                        "created_at": sidecar.get("created_at"),
                        "threshold": sidecar.get("threshold"),
                        "training_data": sidecar.get("training_data", {}).get("counts"),
                        "metrics": sidecar.get("metrics")})
        return out

    def read_active(self) -> str | None:
        """The version named in ACTIVE, or None when there is no ACTIVE file yet."""
        try:
            version = (self.models_dir / ACTIVE_FILE).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        if not VERSION_RE.match(version):
            raise ModelStoreError(f"{self.models_dir / ACTIVE_FILE}: {version!r} is not a "
                                  f"model version id")
        return version

    def add(self, model: PostClassifier) -> str:
        """Save ``model`` as a new version (not activated) and return its id."""
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=self.models_dir))
        try:
            sidecar = classifier.save(model, staging)
            version = sidecar["version"]
            target = self.models_dir / version
            if target.exists():
                raise ModelStoreError(f"{target}: version {version} exists already")
            os.rename(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return version

    def path_of(self, version: str) -> Path:
        if not isinstance(version, str) or not VERSION_RE.match(version):
            raise UnknownVersionError(f"{version!r} is not a model version id")
        path = self.models_dir / version
        if not path.is_dir():
            raise UnknownVersionError(f"model version {version} not found in {self.models_dir}")
        return path

    def load_version(self, version: str) -> PostClassifier:
        """Load (and checksum) a saved version without serving it."""
        return classifier.load(self.path_of(version), root=self.models_dir)

    # -- changing what is served -----------------------------------------------------------

    def swap(self, version: str) -> None:
        """Serve ``version``: load it completely first, then replace the reference.

        If loading fails, the model being served stays as it was. ACTIVE is not touched;
        ``activate`` does both.
        """
        model = self.load_version(version)
        with self._lock:
            self._current = (version, model)

    def activate(self, version: str) -> None:
        """Serve ``version`` and record it in ACTIVE, so a restart serves it too."""
        with self._lock:
            model = self.load_version(version)
            self._write_active(version)
            self._current = (version, model)
        log.info("model version %s is active", version)

    def _write_active(self, version: str) -> None:
        tmp = self.models_dir / f".{ACTIVE_FILE}.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.write_text(version + "\n", encoding="utf-8")
        os.replace(tmp, self.models_dir / ACTIVE_FILE)

    def follow_active(self) -> bool:
        """Serve the version ACTIVE names if another process (the CLI) changed it; True if swapped.

        Skips the check while an activation holds the lock: that one writes ACTIVE itself.
        """
        if not self._lock.acquire(blocking=False):
            return False
        try:
            wanted = self.read_active()
            if wanted is None or wanted == self.active_version:
                return False
            self._current = (wanted, self.load_version(wanted))
        finally:
            self._lock.release()
        log.info("model version %s is active (changed by another process)", wanted)
        return True

    def record_active(self, version: str) -> None:
        """Write ACTIVE without loading (for tools that do not serve, e.g. ``train``)."""
        self.path_of(version)
        with self._lock:
            self._write_active(version)

    # -- startup ---------------------------------------------------------------------------

    def open(self, *, training_data_dir: str | os.PathLike) -> None:
        """Load the active version; on a first start, train, save and activate one.

        Raises ModelStoreError or a model.ModelFileError (checksum, version, missing file)
        when the active model cannot be served: better no server than a wrong model.
        """
        active = self.read_active()
        if active is None:
            versions = [v["version"] for v in self.list_versions()]
            if versions:
                # A crash between saving a version and writing ACTIVE; the newest is the one meant.
                active = versions[-1]
                log.warning("no %s file in %s; activating the newest version %s",
                            ACTIVE_FILE, self.models_dir, active)
            else:
                active = self.add(train_from(training_data_dir))
            self.activate(active)
            return
        path = self.models_dir / active
        if not path.is_dir():
            raise ModelStoreError(f"{self.models_dir / ACTIVE_FILE} names version {active}, "
                                  f"but {path} does not exist")
        self.swap(active)
        log.info("serving model version %s", active)


def train_from(training_data_dir: str | os.PathLike, *, progress=None) -> PostClassifier:
    """Train a model on the examples in ``training_data_dir`` (logs counts, never texts)."""
    dataset = classifier.load_dataset(training_data_dir)
    counts = dataset.counts
    log.warning("training a model on %d examples from %s (labels %s, languages %s)",
                len(dataset), training_data_dir, counts["by_label"], counts["by_lang"])
    return classifier.train(dataset, progress=progress)


def init_app(app: Flask) -> None:
    """Open DATA_DIR/models (training a first model if there is none) and attach the store."""
    store = ModelStore(Path(app.config["DATA_DIR"]) / "models")
    store.open(training_data_dir=app.config["TRAINING_DATA_DIR"])
    app.extensions["model_store"] = store


def get_store() -> ModelStore:
    return current_app.extensions["model_store"]

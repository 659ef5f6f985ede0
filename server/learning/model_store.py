"""The server's model versions and the one it serves.

Layout under ``DATA_DIR/models``::

    ACTIVE                          the active version's id, one line (replaced atomically)
    20261123T235959Z-1a2b3c4d/      one folder per version: model.joblib + model.json
    ...

Only folders in here are ever loaded (a model file is a pickle), and only versions this server
made: each is signed (``signing``: HMAC-SHA256 with a key outside this folder) and recorded in
the database with its hash when it is made, and a load checks both before unpickling. ACTIVE
may name only such a version. On the first start, when there is no version at all, one is
trained from ``TRAINING_DATA_DIR``. A missing, corrupt or foreign active model stops the server
at startup. ``delete`` removes an inactive version; ``prune`` keeps the newest
``KEEP_MODEL_VERSIONS`` inactive ones.
"""
from __future__ import annotations

import contextlib
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

from ..storage import model_versions
from .signing import SignatureError, Signer, load_key

log = logging.getLogger(__name__)

ACTIVE_FILE = "ACTIVE"
VERSION_RE = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{8}$")


class ModelStoreError(RuntimeError):
    """The model folder is not in a usable state; the message says what and where."""


class UnknownVersionError(ModelStoreError, LookupError):
    """A version id that is malformed or has no folder in the model store."""


class ActiveVersionError(ModelStoreError):
    """The active version cannot be deleted."""


class UnrecordedVersionError(SignatureError):
    """A version folder the database has no record of (planted, or from another server)."""


class ModelStore:
    """Versions on disk plus the loaded active model; ``swap``/``activate`` are thread-safe.

    Readers take ``self._current`` (an immutable pair) in one step, so a request never sees
    the version of one model with the scores of another.
    """

    def __init__(self, models_dir: str | os.PathLike, *, signer: Signer, database=None) -> None:
        """``database`` (a ``storage.connection.Database``) records the versions; without one
        (a test's throw-away store) only the signature is checked."""
        self.models_dir = Path(models_dir)
        self.models_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.models_dir.stat().st_mode & 0o077:
            self.models_dir.chmod(0o700)
        self.signer = signer
        self.database = database
        self._lock = threading.Lock()
        self._current: tuple[str, PostClassifier] | None = None

    @contextlib.contextmanager
    def _registry(self):
        with contextlib.closing(self.database.connect()) as conn:
            yield conn

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
        """Every saved version, oldest first: id, created_at, threshold, metrics, active.

        A version that fails the checks (unsigned, changed, not recorded, unreadable) is
        listed with ``error``: a reason without paths.
        """
        active = self.read_active()
        out = []
        for path in sorted(self.models_dir.iterdir()):
            if not (path.is_dir() and VERSION_RE.match(path.name)):
                continue
            try:
                self.verify(path.name)
                sidecar = classifier.read_sidecar(path, root=self.models_dir)
            except classifier.ModelFileError as err:
                out.append({"version": path.name, "active": path.name == active,
                            "error": plain_reason(err)})
                continue
            out.append({"version": path.name, "active": path.name == active,
                        "created_at": sidecar.get("created_at"),
                        "threshold": sidecar.get("threshold"),
                        "training_data": sidecar.get("training_data", {}).get("counts"),
                        "metrics": sidecar.get("metrics")})
        return out

    def thresholds(self) -> dict[str, float]:
        """Each saved version's decision threshold, from its sidecar alone (nothing unpickled or
        verified: the review queue judges old scores with it)."""
        out = {}
        for path in self.models_dir.iterdir():
            if path.is_dir() and VERSION_RE.match(path.name):
                try:
                    threshold = classifier.read_sidecar(path, root=self.models_dir).get("threshold")
                except classifier.ModelFileError:
                    continue
                if isinstance(threshold, (int, float)):
                    out[path.name] = float(threshold)
        return out

    def verify(self, version: str) -> tuple[bytes, bytes]:
        """The checked sidecar and artifact bytes of ``version``: signed with this server's key
        and recorded in the database with the same hash and signature. Nothing is unpickled."""
        from .signing import artifact_sha256
        sidecar, artifact, signature = self.signer.read(self.path_of(version), root=self.models_dir)
        if self.database is not None:
            with self._registry() as conn:
                row = model_versions.get(conn, version)
            if row is None:
                raise UnrecordedVersionError(f"version {version} was not made by this server (no "
                                             "record of it); refusing to load it", path=version)
            if row["signature"] != signature or row["artifact_sha256"] != artifact_sha256(artifact):
                raise UnrecordedVersionError(f"version {version} differs from the one this server "
                                             "recorded; refusing to load it", path=version)
        return sidecar, artifact

    def read_active(self) -> str | None:
        """The version named in ACTIVE, or None when there is no ACTIVE file yet."""
        try:
            version = (self.models_dir / ACTIVE_FILE).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        if not VERSION_RE.match(version):
            raise ModelStoreError(f"{ACTIVE_FILE}: {version[:80]!r} is not a model version id")
        return version

    def add(self, model: PostClassifier, *, example_ids=()) -> str:
        """Save ``model`` as a new signed, recorded version (not activated) and return its id."""
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=self.models_dir))
        try:
            sidecar = classifier.save(model, staging)
            version = sidecar["version"]
            self.signer.sign(staging)
            private_files(staging)
            target = self.models_dir / version
            if target.exists():
                raise ModelStoreError(f"version {version} exists already")
            os.rename(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        self.record(version, example_ids=example_ids)
        return version

    def record(self, version: str, *, example_ids=()) -> None:
        """Record a signed version in the database (checks its signature first)."""
        from .signing import artifact_sha256
        if self.database is None:
            return
        _sidecar, artifact, signature = self.signer.read(self.path_of(version), root=self.models_dir)
        with self._registry() as conn:
            model_versions.record(conn, version, artifact_sha256=artifact_sha256(artifact),
                                  signature=signature, example_ids=example_ids)

    def path_of(self, version: str) -> Path:
        if not isinstance(version, str) or not VERSION_RE.match(version):
            raise UnknownVersionError(f"{version!r} is not a model version id")
        path = self.models_dir / version
        if not path.is_dir():
            raise UnknownVersionError(f"model version {version} not found")
        return path

    def load_version(self, version: str) -> PostClassifier:
        """Load a saved version without serving it, once its signature and record hold."""
        self.verify(version)
        return self.signer.load(self.path_of(version), root=self.models_dir)

    def delete(self, version: str) -> None:
        """Delete an inactive version: its folder and its record. Never the active one."""
        path = self.path_of(version)
        with self._lock:
            if version in (self.active_version, self.read_active()):
                raise ActiveVersionError(f"version {version} is the active model; activate "
                                         "another one first")
            trash = self.models_dir / f".deleting-{version}"
            os.rename(path, trash)  # gone from the listing at once, even if removal is slow
            shutil.rmtree(trash)
            if self.database is not None:
                with self._registry() as conn:
                    model_versions.forget(conn, version)
        log.info("model version %s deleted", version)

    def prune(self, *, keep: int) -> list[str]:
        """Delete all but the newest ``keep`` inactive versions; returns the deleted ids."""
        active = {self.active_version, self.read_active()}
        inactive = [p.name for p in sorted(self.models_dir.iterdir())
                    if p.is_dir() and VERSION_RE.match(p.name) and p.name not in active]
        doomed = inactive[:max(0, len(inactive) - max(0, int(keep)))]
        for version in doomed:
            self.delete(version)
        return doomed

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
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as fh:
            fh.write(version + "\n")
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
        self.verify(version)
        with self._lock:
            self._write_active(version)

    # -- startup ---------------------------------------------------------------------------

    def open(self, *, training_data_dir: str | os.PathLike,
             encodings: str | os.PathLike | None = None,
             regression_set: str | os.PathLike | None = None) -> None:
        """Load the active version; on a first start, train, save and activate one (evaluated on
        ``regression_set`` when that file exists, as a retrained version is).

        Raises ModelStoreError or a model.ModelFileError (checksum, version, missing file)
        when the active model cannot be served: better no server than a wrong model.
        """
        for stale in self.models_dir.glob(".deleting-*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.adopt_once()
        active = self.read_active()
        if active is None:
            versions = [v["version"] for v in self.list_versions() if "error" not in v]
            if versions:
                # A crash between saving a version and writing ACTIVE; the newest is the one meant.
                active = versions[-1]
                log.warning("no %s file in %s; activating the newest version %s",
                            ACTIVE_FILE, self.models_dir, active)
            else:
                active = self.add(evaluated(train_from(training_data_dir, encodings=encodings),
                                            regression_set))
            self.activate(active)
            return
        path = self.models_dir / active
        if not path.is_dir():
            raise ModelStoreError(f"{ACTIVE_FILE} names model version {active}, but that version "
                                  "does not exist")
        self.swap(active)
        log.info("serving model version %s", active)


    def adopt_once(self) -> list[str]:
        """Sign and record the versions made before versions were signed, once.

        The first start of a server that signs finds the versions of the one before it: those
        whose sha256 matches their sidecar are taken over (logged), and from then on nothing
        unrecorded is loaded.
        """
        if self.database is None:
            return []
        with self._registry() as conn:
            if model_versions.adopted(conn):
                return []
            known = model_versions.recorded(conn)
            found = []
            for path in sorted(self.models_dir.iterdir()):
                if not (path.is_dir() and VERSION_RE.match(path.name)) or path.name in known:
                    continue
                try:
                    sidecar = classifier.read_sidecar(path, root=self.models_dir)
                    from .signing import artifact_sha256
                    if sidecar["artifact"].get("sha256") != artifact_sha256(
                            (path / "model.joblib").read_bytes()):
                        continue
                except (classifier.ModelFileError, OSError, AttributeError):
                    continue
                self.signer.sign(path)
                private_files(path)
                found.append(path.name)
            model_versions.mark_adopted(conn)
        for version in found:
            self.record(version)
        if found:
            log.warning("signed and recorded %d model version(s) made before versions were "
                        "signed: %s", len(found), ", ".join(found))
        return found


def plain_reason(err: Exception | str) -> str:
    """An error's message without file paths, for clients and listings."""
    if isinstance(err, classifier.ModelFileError) and getattr(err, "path", None):
        message = str(err).replace(str(err.path), Path(err.path).name)
    else:
        message = str(err)
    return re.sub(r"(?:/[^\s:'\"]+)+/", "", message)


def private_files(folder: Path) -> None:
    """Folder 0700, files 0600, whatever the umask: the vocabulary holds words of examples."""
    os.chmod(folder, 0o700)
    for path in folder.iterdir():
        os.chmod(path, 0o600 if path.is_file() else 0o700)


def from_config(config, *, database=None) -> ModelStore:
    """The store of an app's configuration: DATA_DIR/models, its key, its database."""
    from ..storage import connection as db
    if database is None:
        database = db.from_config(config)
        database.migrate()
    key = load_key(config["DATA_DIR"], secret=config.get("SECRET_KEY"))
    return ModelStore(models_dir(config), signer=Signer(key), database=database)


def train_from(training_data_dir: str | os.PathLike, *, progress=None,
               encodings: str | os.PathLike | None = None) -> PostClassifier:
    """Train a model on the examples in ``training_data_dir`` (logs counts, never texts)."""
    dataset = classifier.load_dataset(training_data_dir)
    counts = dataset.counts
    log.warning("training a model on %d examples from %s (labels %s, languages %s)",
                len(dataset), training_data_dir, counts["by_label"], counts["by_lang"])
    return classifier.train(dataset, progress=progress, encodings=encodings)


def evaluated(trained: PostClassifier, regression_set: str | os.PathLike | None) -> PostClassifier:
    """``trained`` with its metrics on the regression set (if there is one) in its info, as the
    training worker records them, so the first version has a place in the console's plots."""
    if regression_set is None or not Path(regression_set).is_file():
        return trained
    rows = classifier.read_csv(Path(regression_set))
    metrics = classifier.evaluate(trained, [e.text for e in rows], [e.label for e in rows],
                                  langs=[e.lang for e in rows], categories=[e.category for e in rows])
    trained.info["metrics"]["regression"] = {"set": Path(regression_set).name, **metrics}
    return trained


def models_dir(config) -> Path:
    """The one place the model folder's path is made: MODEL_STORE_DIR, or DATA_DIR/models."""
    return Path(config.get("MODEL_STORE_DIR") or Path(config["DATA_DIR"]) / "models")


def init_app(app: Flask) -> None:
    """Open DATA_DIR/models (training a first model if there is none) and attach the store."""
    store = from_config(app.config, database=app.extensions["db"])
    store.open(training_data_dir=app.config["TRAINING_DATA_DIR"],
               encodings=Path(app.config["DATA_DIR"]) / "encodings",
               regression_set=app.config.get("REGRESSION_SET"))
    app.extensions["model_store"] = store


def get_store() -> ModelStore:
    return current_app.extensions["model_store"]

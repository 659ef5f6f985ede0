"""Saving and loading a trained classifier: ``model.joblib`` plus the sidecar ``model.json``.

A joblib file is a pickle and loading a pickle can run code, so ``load`` only reads from a
folder inside the caller's own model root, checks the sha256 recorded in the sidecar
*before* unpickling, and refuses artifacts made with another scikit-learn version or another
version of the sentence encoder (the numbers would be silently different) instead of
merely warning.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import warnings
from datetime import UTC, datetime
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.exceptions import InconsistentVersionWarning

from ._classifier import LABELS, PostClassifier
from ._data import CATEGORIES
from ._encoder import installed_version

FORMAT_VERSION = 1
ARTIFACT = "model.joblib"
SIDECAR = "model.json"


class ModelFileError(ValueError):
    """A saved model cannot be used; the message names the file and the reason."""

    def __init__(self, message: str, *, path: str | os.PathLike) -> None:
        super().__init__(message)
        self.path = str(path)


class ModelMissingError(ModelFileError, FileNotFoundError):
    """The model folder, its artifact or its sidecar does not exist."""


class ModelPathError(ModelFileError):
    """The model folder (or a file in it, after resolving symlinks) lies outside the model root."""


class ModelIntegrityError(ModelFileError):
    """The artifact does not match its sidecar: checksum, or a recorded field that differs."""


class ModelVersionError(ModelFileError):
    """The artifact was made by an incompatible format or scikit-learn version."""


def runtime_versions() -> dict[str, str]:
    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
            "joblib": joblib.__version__, "numpy": np.__version__}


def save(model: PostClassifier, folder: str | os.PathLike, *, version: str | None = None) -> dict:
    """Write ``model.joblib`` and ``model.json`` into ``folder`` (created if needed).

    ``version`` defaults to the creation time in UTC plus the start of the artifact's sha256
    (``20261123T235959Z-1a2b3c4d``). Returns the sidecar's content. The sidecar is written
    last, through a temporary file, so a folder with a sidecar always has a complete artifact.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC).replace(microsecond=0)
    model.info["created_at"] = created.isoformat().replace("+00:00", "Z")
    artifact = folder / ARTIFACT
    # A derived version depends on the artifact's hash, so the pickle cannot hold it; load()
    # takes the version from the sidecar.
    model.info["version"] = version
    joblib.dump(model, artifact, compress=("zlib", 3))
    digest = sha256_of(artifact)
    version = version or f"{created.strftime('%Y%m%dT%H%M%SZ')}-{digest[:8]}"
    sidecar = {
        "format_version": FORMAT_VERSION,
        "version": version,
        "created_at": model.info["created_at"],
        "artifact": {"file": ARTIFACT, "sha256": digest, "bytes": artifact.stat().st_size},
        "runtime": runtime_versions(),
        # None for the n-gram model alone; else name, package and version, checked at load.
        "encoder": model.info.get("encoder"),
        "training_data": model.info.get("training_data", {}),
        "labels": {str(k): v for k, v in LABELS.items()},
        "categories": list(CATEGORIES),
        "threshold": model.threshold,
        "metrics": model.info.get("metrics", {}),
        "parameters": model.info.get("parameters", {}),
        "features": model.info.get("features", {}),
        "training_seconds": model.info.get("training_seconds"),
    }
    text = json.dumps(sidecar, indent=2, ensure_ascii=False) + "\n"
    tmp = folder / f".{SIDECAR}.tmp"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, folder / SIDECAR)
    model.info["version"] = version
    return json.loads(text)  # what load() will read: tuples as lists


def read_sidecar(folder: str | os.PathLike, *, root: str | os.PathLike) -> dict:
    """The checked sidecar of the model in ``folder`` (inside ``root``), without unpickling."""
    folder_path = _inside(Path(folder), Path(root))
    path = _inside(folder_path / SIDECAR, Path(root))
    try:
        sidecar = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelMissingError(f"{path}: model sidecar not found", path=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ModelIntegrityError(f"{path}: not a valid JSON sidecar ({err})", path=path) from None
    if not isinstance(sidecar, dict):
        raise ModelIntegrityError(f"{path}: the sidecar is not a JSON object", path=path)
    if sidecar.get("format_version") != FORMAT_VERSION:
        raise ModelVersionError(f"{path}: format_version {sidecar.get('format_version')!r}; "
                                f"this program reads {FORMAT_VERSION}", path=path)
    made_with = (sidecar.get("runtime") or {}).get("scikit-learn")
    if made_with != sklearn.__version__:
        raise ModelVersionError(f"{path}: made with scikit-learn {made_with}, this is "
                                f"{sklearn.__version__}; retrain the model", path=path)
    encoder = sidecar.get("encoder")
    if encoder is not None:
        name, made_with = (encoder.get("name"), encoder.get("version")) \
            if isinstance(encoder, dict) else (None, None)
        installed = installed_version(name) if isinstance(name, str) and _known(name) else None
        if installed != made_with:
            found = f"version {installed}" if installed else "not installed"
            raise ModelVersionError(f"{path}: made with sentence encoder {name} {made_with}; "
                                    f"installed: {found}. Install that version or retrain the "
                                    f"model (reageerwijzer train)", path=path)
    for key in ("version", "threshold", "artifact"):
        if key not in sidecar:
            raise ModelIntegrityError(f"{path}: the sidecar has no {key!r}", path=path)
    return sidecar


def load(folder: str | os.PathLike, *, root: str | os.PathLike) -> PostClassifier:
    """Load the model saved in ``folder``, which must lie inside ``root``.

    Raises ModelPathError (outside ``root``), ModelMissingError, ModelIntegrityError (sha256
    or a recorded field differs) or ModelVersionError, each naming the file.
    """
    folder_path = _inside(Path(folder), Path(root))
    if not folder_path.is_dir():
        raise ModelMissingError(f"{folder_path}: model folder not found", path=folder_path)
    sidecar = read_sidecar(folder, root=root)
    artifact = _inside(folder_path / ARTIFACT, Path(root))
    if not artifact.is_file():
        raise ModelMissingError(f"{artifact}: model artifact not found", path=artifact)
    expected = str((sidecar.get("artifact") or {}).get("sha256", ""))
    actual = sha256_of(artifact)
    if actual != expected:
        raise ModelIntegrityError(f"{artifact}: sha256 {actual} does not match {expected!r} "
                                  f"recorded in {SIDECAR}; refusing to load it", path=artifact)
    with warnings.catch_warnings():
        warnings.simplefilter("error", InconsistentVersionWarning)
        try:
            model = joblib.load(artifact)
        except InconsistentVersionWarning as err:
            raise ModelVersionError(f"{artifact}: {err}", path=artifact) from None
    if not isinstance(model, PostClassifier):
        raise ModelIntegrityError(f"{artifact}: holds a {type(model).__name__}, "
                                  f"not a PostClassifier", path=artifact)
    if model.threshold != sidecar["threshold"]:
        raise ModelIntegrityError(f"{folder_path / SIDECAR}: threshold {sidecar['threshold']!r} "
                                  f"differs from the artifact's {model.threshold!r}",
                                  path=folder_path / SIDECAR)
    recorded = (sidecar.get("training_data") or {}).get("sha256")
    if recorded != model.info.get("training_data", {}).get("sha256"):
        raise ModelIntegrityError(f"{folder_path / SIDECAR}: training-data sha256 {recorded!r} "
                                  f"differs from the artifact's", path=folder_path / SIDECAR)
    recorded = sidecar.get("encoder") or None
    actual = model.encoder.describe() if model.encoder is not None else None
    if (recorded or {}).get("version") != (actual or {}).get("version") or \
            (recorded or {}).get("name") != (actual or {}).get("name"):
        raise ModelIntegrityError(f"{folder_path / SIDECAR}: encoder {recorded!r} differs from "
                                  f"the artifact's {actual!r}", path=folder_path / SIDECAR)
    model.info["version"] = sidecar["version"]
    model.info["created_at"] = sidecar.get("created_at")
    return model


def _known(name: str) -> bool:
    from ._encoder import ENCODERS
    return name in ENCODERS


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _inside(path: Path, root: Path) -> Path:
    """``path`` with symlinks resolved, or ModelPathError if that is not inside ``root``."""
    resolved_root = root.resolve()
    resolved = path.resolve()
    if resolved != resolved_root and not resolved.is_relative_to(resolved_root):
        raise ModelPathError(f"{path}: outside the model folder {resolved_root}; refusing to "
                             f"load it", path=path)
    return resolved

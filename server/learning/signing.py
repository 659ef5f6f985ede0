"""Signed model versions: the server loads only artifacts it made itself.

A model file is a pickle, and unpickling runs code. A sha256 in the sidecar next to it proves
nothing: whoever can write the model folder can write a matching sidecar too. So every
version the server (or its training process) saves is signed with HMAC-SHA256 over the
sidecar and the artifact, with a key kept *outside* the model folder: ``DATA_DIR/secret.key``
(32 random bytes, 0600, made on the first start) or, when set, one derived from
``REAGEERWIJZER_SECRET_KEY``. ``load`` reads the three files into memory, checks the
signature on those bytes, and unpickles exactly those bytes (from a private copy), so a file
swapped after the check is never the one loaded.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import shutil
import tempfile
from pathlib import Path

import model as classifier

KEY_FILE = "secret.key"
# The files of a version folder (as model.save writes them), and the signature next to them.
ARTIFACT = "model.joblib"
SIDECAR = "model.json"
SIGNATURE = "model.sig"
_DOMAIN = b"reageerwijzer model signature v1\x00"
MIN_SECRET_CHARS = 32
# How the server hands the key to its training process (in the child's environment only).
KEY_ENV = "REAGEERWIJZER_MODEL_SIGNING_KEY"


class SignatureError(classifier.ModelIntegrityError):
    """A version is unsigned, or its signature does not match its files."""


class SigningKeyError(ValueError):
    """The signing key cannot be read or made; the message says why."""


def load_key(data_dir: str | os.PathLike, *, secret: str | None = None, create: bool = True) -> bytes:
    """The signing key: derived from ``secret`` when given, else ``DATA_DIR/secret.key``.

    The key file is made (0600) when missing and ``create`` is true; one that others may read
    is made private again.
    """
    if secret:
        if len(secret) < MIN_SECRET_CHARS:
            raise SigningKeyError(f"REAGEERWIJZER_SECRET_KEY is {len(secret)} characters; use at least "
                            f"{MIN_SECRET_CHARS} random ones")
        return hashlib.sha256(b"reageerwijzer model key\x00" + secret.encode()).digest()
    path = Path(data_dir) / KEY_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        if not create:
            raise SigningKeyError(f"no signing key {KEY_FILE} in the data folder") from None
        return _create_key_file(path)
    except (OSError, UnicodeDecodeError) as err:
        raise SigningKeyError(f"cannot read the signing key {KEY_FILE}: {err}") from None
    if os.stat(path).st_mode & 0o077:
        os.chmod(path, 0o600)
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) < 32:
        raise SigningKeyError(f"the signing key {KEY_FILE} is damaged (expected 64 hex digits)")
    return key


def _create_key_file(path: Path) -> bytes:
    key = secrets.token_bytes(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it just now
        return load_key(path.parent, create=False)
    with open(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(path, 0o600)
    return key


class Signer:
    """Signs a version folder, checks one, and loads one only when its signature holds."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise ValueError("a signing key needs at least 32 bytes")
        self._key = key

    def key_hex(self) -> str:
        return self._key.hex()

    def signature_of(self, sidecar: bytes, artifact: bytes) -> str:
        mac = hmac.new(self._key, _DOMAIN, hashlib.sha256)
        mac.update(len(sidecar).to_bytes(8, "big"))
        mac.update(sidecar)
        mac.update(artifact)
        return mac.hexdigest()

    def sign(self, folder: str | os.PathLike) -> str:
        """Write ``model.sig`` for the version in ``folder``; returns the signature."""
        folder = Path(folder)
        signature = self.signature_of((folder / SIDECAR).read_bytes(),
                                      (folder / ARTIFACT).read_bytes())
        tmp = folder / f".{SIGNATURE}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="ascii") as fh:
            fh.write(signature + "\n")
        os.replace(tmp, folder / SIGNATURE)
        return signature

    def read(self, folder: str | os.PathLike, *, root: str | os.PathLike) -> tuple[bytes, bytes, str]:
        """The sidecar and artifact bytes of ``folder`` once their signature is checked."""
        folder = _inside(Path(folder), Path(root))
        try:
            sidecar = _inside(folder / SIDECAR, Path(root)).read_bytes()
            artifact = _inside(folder / ARTIFACT, Path(root)).read_bytes()
        except FileNotFoundError as err:
            raise classifier.ModelMissingError(f"version {folder.name}: {Path(err.filename).name} "
                                               "not found", path=folder) from None
        try:
            recorded = _inside(folder / SIGNATURE, Path(root)).read_text(encoding="ascii").strip()
        except (FileNotFoundError, UnicodeDecodeError):
            raise SignatureError(f"version {folder.name} is not signed by this server; refusing "
                                 "to load it", path=folder) from None
        if not hmac.compare_digest(recorded, self.signature_of(sidecar, artifact)):
            raise SignatureError(f"version {folder.name}: the signature does not match its files "
                                 "(changed, or not made by this server); refusing to load it",
                                 path=folder)
        return sidecar, artifact, recorded

    def load(self, folder: str | os.PathLike, *, root: str | os.PathLike):
        """Load the version in ``folder`` (inside ``root``) after checking its signature.

        The checked bytes are copied into a private folder and loaded from there with the
        model's own checks (sha256, versions, threshold), so the file unpickled is the file
        checked.
        """
        sidecar, artifact, _ = self.read(folder, root=root)
        private = Path(tempfile.mkdtemp(prefix=".verified-", dir=Path(root).parent))
        try:
            for name, data in ((SIDECAR, sidecar),
                               (ARTIFACT, artifact)):
                fd = os.open(private / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with open(fd, "wb") as fh:
                    fh.write(data)
            return classifier.load(private, root=private)
        finally:
            shutil.rmtree(private, ignore_errors=True)


def artifact_sha256(artifact: bytes) -> str:
    return hashlib.sha256(artifact).hexdigest()


def _inside(path: Path, root: Path) -> Path:
    resolved_root, resolved = root.resolve(), path.resolve()
    if resolved != resolved_root and not resolved.is_relative_to(resolved_root):
        raise classifier.ModelPathError(f"{path.name}: outside the model folder; refusing to "
                                        "load it", path=path)
    return resolved

"""A versioned pickle file for the plugin's caches: read it if its version matches, replace it whole."""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path


def load_versioned(path: Path | None, version: str) -> dict:
    """The stored entries, or {} when there is no file or it was written by another version."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as stream:
            stored_version, entries = pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return {}
    return entries if stored_version == version else {}


def save_versioned(path: Path, version: str, entries: dict) -> None:
    """Write under a temporary name, then rename: never half a file, even when the build is killed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump((version, entries), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

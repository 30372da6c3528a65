"""Build products kept in a cache folder under the hash of what makes them, and put into each new site
as hard links: social cards, JSON and YAML downloads, PDF and PNG exports.

A cached file is written once, under a temporary name and then renamed, so a killed build never leaves
half a file behind, and nothing writes into it again: a site can share it. A hard link only adds a
name, which is much cheaper than creating a file, and a build puts three such files a canvas into its
new folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, content: bytes) -> None:
    """``content`` at ``path``, readable by all (a site serves it), never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".partial-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)  # mkstemp makes it private
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cached_file(path: Path, make: Callable[[], bytes]) -> bool:
    """Write ``make()`` to ``path`` unless it is there already; whether it was made now."""
    if path.is_file():
        return False
    write_atomically(path, make())
    return True


def link_or_copy(source, target) -> None:
    """A hard link to a cached file, or a copy where the cache is on another file system or the file is
    not readable by all."""
    try:
        if os.stat(source).st_mode & 0o044 == 0o044:
            os.link(source, target)
            return
    except OSError:
        pass
    shutil.copyfile(source, target)


def write_cached(files: dict[str, bytes], cache_dir: Path, output_path) -> None:
    """Each ``{site path: content}`` into the site, as a link to the cached file named by its content hash."""
    for path, content in files.items():
        cached = cache_dir / (hashlib.sha256(content).hexdigest() + Path(path).suffix)
        cached_file(cached, lambda: content)
        target = os.path.join(output_path, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        link_or_copy(cached, target)


def write_file(output_path, path: str, content: bytes) -> None:
    """``content`` at the site path ``path`` (a file made anew by every build, not cached)."""
    target = os.path.join(output_path, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as stream:
        stream.write(content)

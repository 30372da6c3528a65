"""Swap a freshly built site into place in one step, so the old site stays whole until then."""

from __future__ import annotations

import ctypes
import os
import shutil
from pathlib import Path

_RENAME_EXCHANGE = 2  # Linux renameat2() flag: swap two paths atomically
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two directories where the kernel can; False where it cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def replace_directory(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is. Afterwards ``new`` holds the old site (or is gone)."""
    new, target = Path(new), Path(target)
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new)
        return
    # Fallback without renameat2: two renames, the old site kept until the new one is in place.
    retired = target.with_name(target.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    os.rename(target, retired)
    os.rename(new, target)
    shutil.rmtree(retired)

"""What changed among the site's sources between two looks at the disk, and how much must be rebuilt.

``invoke watch`` (tasks.py) looks every half second. An edited seed needs only a preview of its canvas
(``invoke preview``: its page, card and downloads, in a second or two); anything else (a seed added or
removed, ``industries.yaml``, ``patterns.yaml``, the theme, the hand-written pages, the settings) changes pages that list
or describe many canvases, so the whole site is built again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..load.patterns import PATTERNS_FILE
from ..load.seeds import INDUSTRIES_FILE, SEED_SUFFIXES

Snapshot = dict[Path, tuple[int, int]]  # file -> (modification time in ns, size)


def snapshot(*roots: Path) -> Snapshot:
    """Every file under ``roots`` (folders, searched recursively, or single files) with its mtime and size;
    editors' swap and backup files (``.name.swp``, ``name~``) are left out."""
    found: Snapshot = {}
    for root in roots:
        for path in ([root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []):
            if path.is_file() and not path.name.startswith(".") and not path.name.endswith("~"):
                status = path.stat()
                found[path] = (status.st_mtime_ns, status.st_size)
    return found


@dataclass
class Changes:
    edited_seeds: list[Path] = field(default_factory=list)  # canvases a preview can update one by one
    rebuild: list[Path] = field(default_factory=list)  # other changes: the whole site is built again

    def __bool__(self) -> bool:
        return bool(self.edited_seeds or self.rebuild)


def changes(before: Snapshot, after: Snapshot, seeds_dir: Path) -> Changes:
    found = Changes()
    for path in sorted(before.keys() | after.keys()):
        if before.get(path) == after.get(path):
            continue
        is_canvas = (path.parent == seeds_dir and path.suffix in SEED_SUFFIXES
                     and path.name not in (INDUSTRIES_FILE, PATTERNS_FILE))
        if is_canvas and path in before and path in after:
            found.edited_seeds.append(path)
        else:
            found.rebuild.append(path)
    return found

"""Bounds on untrusted input: seed files, industries.yaml, pages given to the importer, files opened in the editor.

Canvases arrive from contributors nobody knows, and the build runs them. Each bound is far above what a
real canvas reaches, so that only a broken or hostile file meets it, and then it is refused with its file
and line before it costs time or memory. Every bound is a setting read from the environment under its
own name (``CANVAS_MAX_SEED_BYTES=200000 invoke build``), so that ``invoke build``, ``validate``,
``lint``, ``preview``, ``watch`` and ``import-canvas`` apply the same ones; docs/limits.md lists them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

DEFAULTS = {
    # A seed file's size in bytes (the largest real seed is about 6 kB).
    "CANVAS_MAX_SEED_BYTES": 100_000,
    # Levels of nested lists and mappings in a seed: the format needs five (a figure table's row).
    "CANVAS_MAX_YAML_DEPTH": 6,
    # Characters of one text field: name, summary, item, caption, cell, source title (real ones: 210 at most).
    "CANVAS_MAX_TEXT_CHARS": 2_000,
    # Characters of one block's analysis prose (real ones: under 700).
    "CANVAS_MAX_ANALYSIS_CHARS": 6_000,
    # Figure tables per canvas, and rows and columns per table (real ones: 2 tables of 6 rows, 3 columns).
    "CANVAS_MAX_FIGURES": 12,
    "CANVAS_MAX_FIGURE_ROWS": 50,
    "CANVAS_MAX_FIGURE_COLUMNS": 10,
    # Sources and editor-picked related canvases per canvas (real ones: 3 and 6).
    "CANVAS_MAX_SOURCES": 30,
    "CANVAS_MAX_RELATED": 30,
    # industries.yaml: its size in bytes and how many industries it lists (real: 5 kB, 18 industries).
    "CANVAS_MAX_INDUSTRIES_BYTES": 200_000,
    "CANVAS_MAX_INDUSTRIES": 500,
    # A page given to `invoke import-canvas`: its size in bytes and how deep its HTML elements nest.
    "CANVAS_MAX_IMPORT_BYTES": 3_000_000,
    "CANVAS_MAX_IMPORT_DEPTH": 256,
    # A file opened in the browser's canvas editor ("Open a YAML or JSON file"), in bytes.
    "CANVAS_MAX_EDITOR_FILE_BYTES": 1_000_000,
}


@dataclass(frozen=True)
class Limits:
    """The bounds in force, one attribute per setting (``max_seed_bytes`` for CANVAS_MAX_SEED_BYTES)."""

    max_seed_bytes: int
    max_yaml_depth: int
    max_text_chars: int
    max_analysis_chars: int
    max_figures: int
    max_figure_rows: int
    max_figure_columns: int
    max_sources: int
    max_related: int
    max_industries_bytes: int
    max_industries: int
    max_import_bytes: int
    max_import_depth: int
    max_editor_file_bytes: int

    @staticmethod
    def setting_name(attribute: str) -> str:
        return "CANVAS_" + attribute.upper()

    def named(self, attribute: str) -> str:
        """``CANVAS_MAX_SEED_BYTES=100000``: how a message names the bound and the way to raise it."""
        return f"{self.setting_name(attribute)}={getattr(self, attribute)}"


class LimitSettingError(ValueError):
    """A bound set in the environment that is not a positive whole number."""


def current_limits(environ=None) -> Limits:
    """The bounds from the environment, each falling back to its default."""
    environ = os.environ if environ is None else environ
    values = {}
    for field in fields(Limits):
        name = Limits.setting_name(field.name)
        raw = environ.get(name, "")
        if not raw.strip():
            values[field.name] = DEFAULTS[name]
            continue
        try:
            value = int(raw.replace("_", ""))
        except ValueError:
            value = 0
        if value <= 0:
            raise LimitSettingError(f"{name}={raw!r}: expected a positive whole number, such as {DEFAULTS[name]}")
        values[field.name] = value
    return Limits(**values)

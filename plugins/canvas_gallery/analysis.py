"""Canvas -> the sections of its analysis text, as HTML ready for the template."""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import BLOCKS
from .model import Canvas
from .prose import render_prose


@dataclass(frozen=True)
class AnalysisSection:
    block_key: str
    heading: str
    html: str


def analysis_sections(canvas: Canvas) -> list[AnalysisSection]:
    """One section per block that has editor prose, in canvas order."""
    return [
        AnalysisSection(spec.key, spec.label, render_prose(canvas.analysis[spec.key]))
        for spec in BLOCKS
        if canvas.analysis.get(spec.key)
    ]

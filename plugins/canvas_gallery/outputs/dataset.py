"""The whole gallery as one dataset: every canvas as JSON, every item as a row of CSV.

Plain data in, text out; nothing here knows Pelican. Canvases keep the gallery's order (by slug), blocks
the canvas's reading order, so the same seeds always give the same bytes.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from dataclasses import dataclass

from . import licenses
from ..blocks import BLOCKS
from ..model import Canvas, Industry

CSV_COLUMNS = ("canvas", "block", "position", "item")
# A spreadsheet runs a cell starting with one of these as a formula; such an item gets a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class DatasetFile:
    """One file of the dataset, as the /data/ page lists it and the Dataset JSON-LD distributes it."""

    label: str  # "JSON"
    path: str  # site-relative: data/canvases.json
    media_type: str
    size: int  # bytes


def date_modified(canvases: list[Canvas]) -> datetime.date | None:
    """The newest ``updated`` date of the canvases: never the build time, so two builds agree."""
    return max((canvas.updated for canvas in canvases if canvas.updated), default=None)


def dataset_attribution(site_name: str, url: str) -> str:
    return f"{site_name}, {url}, licensed under {licenses.CONTENT.name}. {licenses.CANVAS_CREDIT}"


def gallery_document(canvases: list[Canvas], industries: list[Industry], documents: dict[str, dict], *,
                     name: str, description: str, url: str, site_name: str, patterns=()) -> dict:
    """canvases.json: what the dataset is, the nine blocks, the industries and the business-model patterns,
    then every canvas with the fields of its own canvas.json (``documents``, by slug) after its slug."""
    modified = date_modified(canvases)
    document = {
        "name": name,
        "description": description,
        "url": url,
        "license": licenses.CONTENT.url,
        "attribution": dataset_attribution(site_name, url),
    }
    if modified:
        document["dateModified"] = modified.isoformat()
    document["blocks"] = [{"key": spec.key, "label": spec.label} for spec in BLOCKS]
    document["industries"] = [{"slug": industry.slug, "name": industry.name, "description": industry.description}
                              for industry in industries]
    if patterns:
        document["patterns"] = [{"slug": pattern.slug, "name": pattern.name, "aliases": list(pattern.aliases),
                                 "definition": pattern.definition, "source": pattern.source} for pattern in patterns]
    document["canvases"] = [{"slug": canvas.slug, **documents[canvas.slug]} for canvas in canvases]
    return document


def dataset_json(document: dict) -> str:
    # Compact: json's C encoder only runs without indent, and the file grows with the gallery.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def spreadsheet_safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def items_csv(canvases: list[Canvas]) -> str:
    """One row per item: the canvas's slug, the block's key, the item's place in its block (from 1), the item."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(CSV_COLUMNS)
    for canvas in canvases:
        for spec in BLOCKS:
            for position, item in enumerate(canvas.items[spec.key], start=1):
                writer.writerow((canvas.slug, spec.key, position, spreadsheet_safe(item)))
    return out.getvalue()


def dataset_description(kinds: str, industry_count: int, site_name: str) -> str:
    """What the dataset holds, in the words its page and its JSON-LD use; ``kinds`` as ``canvas_kinds`` says it."""
    blocks = ", ".join(spec.label.lower() for spec in BLOCKS[:-1]) + " and " + BLOCKS[-1].label.lower()
    return (f"Business Model Canvases of {kinds} in {industry_count} industries, written by "
            f"the editors of {site_name} from public sources. Each canvas gives the nine blocks ({blocks}) as lists "
            "of items, a summary, and where the seed has them the company's website, founding year, headquarters, "
            "figures with their year and source, and sources. As JSON, every canvas with all its fields; as CSV, one "
            "row per item (canvas, block, position, item).")

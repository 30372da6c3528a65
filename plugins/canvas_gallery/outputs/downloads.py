"""Downloads of every canvas: the seed file itself (YAML) and the same data as JSON, with its address,
licence and attribution.

Plain data in, plain data out: ``export_files`` returns ``{site path: bytes}`` and the generator writes them.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from . import licenses
from ..model import Canvas


@dataclass(frozen=True)
class Download:
    """One file a visitor can download from a canvas page."""

    label: str  # what the link says: "JSON"
    url: str  # site-relative: canvas/acme/canvas.json
    media_type: str
    filename: str  # the name the browser saves it as: acme.json


def _plain(value):
    """YAML values as JSON can hold them: keys and dates become text (YYYY-MM-DD), everything else stays."""
    if isinstance(value, dict):
        return {key if isinstance(key, str) else str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def canvas_json(document: dict) -> str:
    """The seed as JSON: same keys, same order as the seed file, so two builds write identical bytes."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def seed_json(document) -> str:
    """The JSON download of a valid seed, from the values its YAML was read into (seeds.py keeps it on
    the Canvas it loads): same keys, same order as the seed file."""
    return canvas_json(_plain(document))


def provenance(canvas: Canvas, url: str, site_name: str) -> dict:
    """What the JSON download adds after the seed's fields: where the canvas lives and under which terms it
    may be reused, so the file still says so once downloaded."""
    return {"url": url, "license": licenses.CONTENT.url,
            "attribution": licenses.canvas_attribution(canvas.name, url, site_name)}


def canvas_document(canvas: Canvas, url: str, site_name: str) -> dict:
    """The JSON download's data: the seed's keys in the seed's order, then its provenance."""
    return {**json.loads(canvas.seed_json), **provenance(canvas, url, site_name)}


def download_json(canvas: Canvas, url: str, site_name: str) -> str:
    """``canvas_json(canvas_document(...))``, written by appending to the seed's JSON instead of parsing it
    again (a third of a second a build at 1,000 canvases): the same text, as a test checks."""
    added = "".join(f',\n  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}'
                    for key, value in provenance(canvas, url, site_name).items())
    return canvas.seed_json[:-len("\n}\n")] + added + "\n}\n"


def export_paths(slug: str, json_save_as: str, yaml_save_as: str) -> tuple[str, str]:
    return json_save_as.format(slug=slug), yaml_save_as.format(slug=slug)


def downloads_for(slug: str, json_save_as: str, yaml_save_as: str) -> list[Download]:
    """The download links of one canvas page, in the order they are shown."""
    json_path, yaml_path = export_paths(slug, json_save_as, yaml_save_as)
    return [Download("JSON", json_path, "application/json", f"{slug}.json"),
            Download("YAML", yaml_path, "application/yaml", f"{slug}.yaml")]


def export_files(canvases: list[Canvas], seeds_dir, json_save_as: str, yaml_save_as: str, siteurl: str = "",
                 site_name: str = "") -> dict[str, bytes]:
    """Every canvas's JSON and YAML download, keyed by the path it is saved as inside the site."""
    files = {}
    for canvas in canvases:
        seed = (Path(seeds_dir) / Path(canvas.path).name).read_bytes()
        json_path, yaml_path = export_paths(canvas.slug, json_save_as, yaml_save_as)
        url = f"{siteurl.rstrip('/')}/{canvas.url}"
        files[json_path] = download_json(canvas, url, site_name).encode("utf-8")
        files[yaml_path] = seed  # the seed itself, byte for byte
    return files

"""Under which terms the gallery may be reused, and the attribution line each canvas carries.

One definition for the footer of every page, the line under each canvas (so its PDF and PNG), the
``canvas.json`` downloads and the /data/ dataset. Plain data; the templates read it as ``LICENSES``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class License:
    name: str  # what a visitor reads: "CC BY-SA 4.0"
    title: str  # the licence's full name
    url: str  # its canonical address
    spdx: str  # its SPDX identifier, for machines


# The canvases (seeds) and the text the site writes from them: share-alike, as the canvas itself is.
CONTENT = License("CC BY-SA 4.0", "Creative Commons Attribution-ShareAlike 4.0 International",
                  "https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0")
# The code of the site (LICENSE in the repository).
CODE = License("MIT", "MIT License", "https://opensource.org/license/mit/", "MIT")
# The Business Model Canvas itself, by Strategyzer, whose licence asks for this attribution.
CANVAS = License("CC BY-SA 3.0", "Creative Commons Attribution-ShareAlike 3.0 Unported",
                 "https://creativecommons.org/licenses/by-sa/3.0/", "CC-BY-SA-3.0")
CANVAS_CREATOR = "Strategyzer"
CANVAS_CREATOR_URL = "https://www.strategyzer.com/"

CANVAS_CREDIT = f"Business Model Canvas by {CANVAS_CREATOR}, strategyzer.com, licensed under {CANVAS.name}."


def canvas_title(name: str) -> str:
    """What a canvas is called on its page, its PDF and its PNG: "Xiaomi Business Model Canvas"."""
    return f"{name} Business Model Canvas"


def canvas_attribution(name: str, url: str, site_name: str) -> str:
    """The line that credits one canvas: what it is, where it comes from, both licences."""
    return f"{canvas_title(name)}, {site_name}, {url}, licensed under {CONTENT.name}. {CANVAS_CREDIT}"


def add_template_globals(settings: dict) -> None:
    """What the templates need, the three licences and the canvas's creator, as Jinja globals (signal: initialized)."""
    settings["JINJA_GLOBALS"] = {**settings.get("JINJA_GLOBALS", {}), "CANVAS_CREATOR_URL": CANVAS_CREATOR_URL,
                                 "LICENSES": {"content": CONTENT, "code": CODE, "canvas": CANVAS}}

"""The plugin's settings and their defaults. Override any of them in pelicanconf.py."""

DEFAULTS = {
    # Folder of seed canvases (one <slug>.yaml each) and industries.yaml.
    "CANVAS_SEEDS_PATH": "seeds",
    # Build canvases marked `draft: true` too (`invoke build --drafts`).
    "CANVAS_INCLUDE_DRAFTS": False,
    # Where canvas and industry pages live; {slug} is the seed's file name.
    "CANVAS_URL": "canvas/{slug}/",
    "CANVAS_SAVE_AS": "canvas/{slug}/index.html",
    "INDUSTRY_URL": "industry/{slug}/",
    "INDUSTRY_SAVE_AS": "industry/{slug}/index.html",
    # The gallery of every canvas.
    "GALLERY_SAVE_AS": "index.html",
    # How many related canvases each canvas page links to.
    "CANVAS_RELATED_COUNT": 6,
}


def setting(settings, name):
    """A plugin setting from Pelican's settings, falling back to the documented default."""
    return settings.get(name, DEFAULTS[name])

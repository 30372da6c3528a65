"""Pelican settings for local builds. publishconf.py extends them for the public site."""

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent

AUTHOR = "Canvas Gallery editors"
SITENAME = "Canvas Gallery"
SITE_TAGLINE = "Business Model Canvases of real companies, free to read, print and reuse"
SITEURL = os.environ.get("SITEURL", "").rstrip("/")

PATH = str(HERE / "content")
THEME = str(HERE / "theme")
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

# The plugin is installed as a package (pyproject.toml; `make build` installs it editable).
PLUGINS = ["canvas_gallery"]

# The canvas plugin (every setting and its default: plugins/canvas_gallery/settings.py). `invoke build`
# passes its options (--seeds, --drafts, --exports, --siteurl) over these with read_settings(override=...).
CANVAS_SEEDS_PATH = str(HERE / "seeds")
CANVAS_RELATED_COUNT = 6
CANVAS_EXPORT_CACHE = os.environ.get("CANVAS_EXPORT_CACHE") or str(HERE / "cache" / "exports")
# Seconds per build step as JSON, only when asked (bench/ sets CANVAS_TIMINGS_FILE).
CANVAS_TIMINGS_FILE = os.environ.get("CANVAS_TIMINGS_FILE", "")
# Pelican's content cache (and the plugin's caches below) make a rebuild after one edit cheap; md5, not
# mtime, because a git checkout gives every file a new mtime.
CACHE_PATH = os.environ.get("CANVAS_CACHE_PATH") or str(HERE / "cache")
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
# Cards per industry on the gallery (the tests set 1 to see a gallery that lists only some canvases).
CANVAS_GALLERY_CARDS = int(os.environ.get("CANVAS_GALLERY_CARDS") or 6)
# Canvas pages per Pagefind run: larger galleries get a search index in parts (search_shards.py); the
# tests set a small size to build one in parts.
CANVAS_SEARCH_SHARD_SIZE = int(os.environ.get("CANVAS_SEARCH_SHARD_SIZE") or 2500)
# Forked workers for the plugin's seed loading, relating and text (0: one per core, 1: no fork; the
# tests compare the two). The checks before Pelican (tasks.py) always use one per core.
CANVAS_WORKERS = int(os.environ.get("CANVAS_WORKERS") or 0)
# Social cards already drawn, named by the hash of what they show (cache/ is not committed).
CANVAS_SOCIAL_CARD_CACHE = os.environ.get("CANVAS_SOCIAL_CARD_CACHE") or str(HERE / "cache" / "social-cards")

# The site has no blog: canvases and a few hand-written pages only.
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
DIRECT_TEMPLATES = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
ARTICLE_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""

# Everything a visitor sees is escaped unless a template says otherwise.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Builds must be reproducible: no build timestamps, nothing depending on file dates.
DEFAULT_DATE = "fs"
RELATIVE_URLS = False

"""The plugin's settings and their defaults, all in one place. Override any of them in pelicanconf.py;
every name starts with ``CANVAS_``."""

DEFAULTS = {
    # Folder of seed canvases (one <slug>.yaml each) and industries.yaml.
    "CANVAS_SEEDS_PATH": "seeds",
    # Build canvases marked `draft: true` too (`invoke build --drafts`).
    "CANVAS_INCLUDE_DRAFTS": False,
    # Where canvas and industry pages live; {slug} is the seed's file name.
    "CANVAS_URL": "canvas/{slug}/",
    "CANVAS_SAVE_AS": "canvas/{slug}/index.html",
    "CANVAS_INDUSTRY_URL": "industry/{slug}/",
    "CANVAS_INDUSTRY_SAVE_AS": "industry/{slug}/index.html",
    # The listing of every business type (canvases with `kind: business-type`), written when there is one.
    "CANVAS_BUSINESS_TYPES_URL": "business-types/",
    "CANVAS_BUSINESS_TYPES_SAVE_AS": "business-types/index.html",
    # The gallery of every canvas.
    "CANVAS_GALLERY_SAVE_AS": "index.html",
    # Cards per industry on the gallery (each industry's own page lists all of its canvases): a gallery of
    # thousands stays a page of a few kilobytes.
    "CANVAS_GALLERY_CARDS": 6,
    # How many related canvases each canvas page links to.
    "CANVAS_RELATED_COUNT": 6,
    # What sharing business-model patterns adds to how related two canvases are: this weight times the
    # Jaccard overlap of their patterns (relate/shared_patterns.py); a shared block of items adds up to ~1.5.
    "CANVAS_PATTERN_WEIGHT": 0.5,
    # The page of every business-model pattern with the pattern x industry matrix, and each pattern's page.
    "CANVAS_PATTERNS_URL": "patterns/",
    "CANVAS_PATTERNS_SAVE_AS": "patterns/index.html",
    "CANVAS_PATTERN_URL": "pattern/{slug}/",
    "CANVAS_PATTERN_SAVE_AS": "pattern/{slug}/index.html",
    # Slugs of the only canvases whose own pages, cards and downloads this build writes, related and
    # written up against the whole gallery (`invoke preview`); empty: a full build.
    "CANVAS_ONLY": (),
    # Processes that load seeds, relate canvases and write their text (forked.py); 0: one per core.
    "CANVAS_WORKERS": 0,
    # PDF and PNG of every canvas, rendered in Chromium after Pelican (exports_render.py); the canvas
    # pages link them only in builds that render them (`invoke build --exports`, `invoke publish`).
    "CANVAS_EXPORTS": False,
    "CANVAS_EXPORT_SAVE_AS": "canvas/{slug}/{slug}.{ext}",
    "CANVAS_EXPORT_CACHE": "cache/exports",
    # The in-browser canvas editor ("use as template" links there with ?from=<slug>).
    "CANVAS_EDITOR_URL": "editor/",
    "CANVAS_EDITOR_SAVE_AS": "editor/index.html",
    # A JSON file to write each build step's seconds to (the benchmark sets it); empty: none written.
    "CANVAS_TIMINGS_FILE": "",
    # Social cards (og:image): where each canvas's card goes, and the cache of drawn cards, named by the
    # hash of what they show (relative paths are relative to the folder of pelicanconf.py).
    "CANVAS_SOCIAL_CARD_SAVE_AS": "canvas/{slug}/social-card.jpg",
    "CANVAS_SOCIAL_CARD_CACHE": "cache/social-cards",
    # The card of the gallery, also shared by every page that has no card of its own.
    "CANVAS_SITE_CARD_SAVE_AS": "social-card.jpg",
    # The gallery's logo, a file of the theme's static folder: the publisher's logo in canvas pages' JSON-LD.
    "CANVAS_LOGO": "logo.png",
    # Every page's og:locale (Open Graph writes language_TERRITORY).
    "CANVAS_OG_LOCALE": "en_US",
    # The Atom feed of recently added or updated canvases, and how many canvases it lists.
    "CANVAS_FEED_ATOM": "feeds/canvases.atom.xml",
    "CANVAS_FEED_LIMIT": 20,
    # sitemap.xml lists every HTML page the build writes except hidden pages and these files.
    "CANVAS_SITEMAP_SAVE_AS": "sitemap.xml",
    "CANVAS_SITEMAP_EXCLUDE": ("404.html",),
    "CANVAS_ROBOTS_SAVE_AS": "robots.txt",
    # Downloads on every canvas page: the seed as JSON (also what the compare page reads) and the seed itself.
    "CANVAS_JSON_SAVE_AS": "canvas/{slug}/canvas.json",
    "CANVAS_YAML_SAVE_AS": "canvas/{slug}/{slug}.yaml",
    # Slugs, names and industries of every canvas, for the compare page's pickers.
    "CANVAS_INDEX_SAVE_AS": "canvas/index.json",
    # The search page (Pagefind, indexed after Pelican by `invoke build`) and the compare page.
    "CANVAS_SEARCH_URL": "search/",
    "CANVAS_SEARCH_SAVE_AS": "search/index.html",
    # Canvas pages per Pagefind run: a larger gallery is indexed in parts, merged by the search page
    # (after_pelican/search_shards.py); Pagefind's memory grows with the pages one run indexes.
    "CANVAS_SEARCH_SHARD_SIZE": 2500,
    "CANVAS_COMPARE_URL": "compare/",
    "CANVAS_COMPARE_SAVE_AS": "compare/index.html",
    # The "Compare with…" picker of a canvas page: its related canvases, then at most this many more of
    # its industry (the compare page offers every canvas).
    "CANVAS_COMPARE_CHOICES": 30,
    # The whole gallery as one dataset (dataset.py): its page, with the Dataset JSON-LD, and its two files.
    "CANVAS_DATA_URL": "data/",
    "CANVAS_DATA_SAVE_AS": "data/index.html",
    "CANVAS_DATASET_JSON_SAVE_AS": "data/canvases.json",
    "CANVAS_DATASET_CSV_SAVE_AS": "data/canvas-items.csv",
}


def setting(settings, name):
    """A plugin setting from Pelican's settings, falling back to the documented default."""
    return settings.get(name, DEFAULTS[name])


def apply_defaults(settings) -> None:
    """Add the default of every plugin setting pelicanconf.py leaves out, so templates see them all."""
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)

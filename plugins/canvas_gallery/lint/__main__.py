"""``python -m canvas_gallery.lint [SEEDS_DIR] [--drafts]``: lint a seeds folder."""

import sys

from .rules import main

sys.exit(main(sys.argv[1:]))

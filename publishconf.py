"""Settings for the public site. SITEURL comes from the environment, e.g.
``SITEURL=https://user.github.io/repo make publish`` for a project site under a sub-path."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://canvas-gallery.github.io").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

"""``python -m canvas_gallery.load [PATH ...]``: check seed files and print every problem."""

import sys

from .seeds import main

sys.exit(main(sys.argv[1:]))

"""The plugin's own signal, in Pelican's style (blinker, as ``pelican.plugins.signals``); not named
signals.py, which would shadow Pelican's ``signals`` in the package namespace.

``canvas_pages_written(generator, output_path=...)``: every canvas page is on disk. ``tasks.py`` starts
the search index on them while Pelican writes the rest of the site.
"""

from blinker import signal

canvas_pages_written = signal("canvas_gallery.canvas_pages_written")

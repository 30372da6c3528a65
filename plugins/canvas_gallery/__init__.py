"""Canvas Gallery: a Pelican plugin that turns seed canvases (``seeds/*.yaml``) into pages."""

from pelican import signals


def get_generators(pelican):
    # Imported here so the seed checker (python -m canvas_gallery.seeds) does not load Pelican's generators.
    from .generator import CanvasGenerator

    return CanvasGenerator


def register():
    signals.get_generators.connect(get_generators)

"""Canvas Gallery: a Pelican plugin that turns seed canvases (``seeds/*.yaml``) into pages."""

from pelican import signals


def get_generators(pelican):
    # Imported here so the seed checker (python -m canvas_gallery.load) does not load Pelican's generators.
    from .generator import CanvasGenerator

    return CanvasGenerator


def get_dataset_generator(pelican):
    from .outputs.dataset_generator import DatasetGenerator

    return DatasetGenerator


def add_dataset_url(pelican):
    from .outputs.dataset_generator import add_dataset_url

    add_dataset_url(pelican)


def add_license_globals(pelican):
    from .outputs.licenses import add_template_globals

    add_template_globals(pelican.settings)


def add_template_helpers(pelican):
    from .generator import add_template_helpers

    add_template_helpers(pelican)


def page_written(path, context):
    from .outputs.sitemap_collector import SITEMAP

    SITEMAP.page_written(path, context)


def write_sitemap(pelican):
    from .outputs.sitemap_collector import SITEMAP

    SITEMAP.write(pelican)


def register():
    signals.initialized.connect(add_template_helpers)
    signals.initialized.connect(add_license_globals)
    signals.initialized.connect(add_dataset_url)
    signals.get_generators.connect(get_generators)
    signals.get_generators.connect(get_dataset_generator)  # after the canvases: it reads what they put in the context
    signals.content_written.connect(page_written)
    signals.finalized.connect(write_sitemap)

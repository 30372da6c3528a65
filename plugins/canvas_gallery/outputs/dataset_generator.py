"""The /data/ page and its two files: hands the dataset (dataset.py) to Pelican's writer.

A generator of its own, after the canvas generator: it reads the canvases and industries that generator
put into the shared context, and writes nothing in a preview (which builds only one canvas's files).
"""

from __future__ import annotations

import os

from pelican.generators import Generator

from . import licenses
from .dataset import DatasetFile, dataset_description, dataset_json, date_modified, gallery_document, items_csv
from .downloads import canvas_document
from .site import canvas_kinds
from ..settings import setting
from .structured_data import absolute_url, dataset, site_breadcrumb_list


def add_dataset_url(pelican):
    """The data page's address, for the footer of every page and the gallery (signal: initialized)."""
    pelican.settings.setdefault("CANVAS_DATA_URL", setting(pelican.settings, "CANVAS_DATA_URL"))


class DatasetGenerator(Generator):
    def generate_output(self, writer):
        if setting(self.settings, "CANVAS_ONLY") or "canvases" not in self.context:
            return
        siteurl, site_name = self.settings["SITEURL"], self.settings["SITENAME"]
        canvases = self.context["canvases"]
        industries = [industry_page.industry for industry_page in self.context["industry_pages"]]
        page_url = setting(self.settings, "CANVAS_DATA_URL")
        name = f"{site_name}: Business Model Canvases of {canvas_kinds(canvases)}"
        description = dataset_description(canvas_kinds(canvases), len(industries), site_name)
        documents = {canvas.slug: canvas_document(canvas, absolute_url(siteurl, canvas.url), site_name)
                     for canvas in canvases}
        patterns = [pattern_page.pattern for pattern_page in self.context.get("pattern_pages", ())]
        document = gallery_document(canvases, industries, documents, name=name, description=description,
                                    url=absolute_url(siteurl, page_url), site_name=site_name, patterns=patterns)
        files = [self.write_text("JSON", setting(self.settings, "CANVAS_DATASET_JSON_SAVE_AS"), "application/json",
                                 dataset_json(document)),
                 self.write_text("CSV", setting(self.settings, "CANVAS_DATASET_CSV_SAVE_AS"), "text/csv",
                                 items_csv(canvases))]
        modified = date_modified(canvases)
        creator = {"@type": "Organization", "name": site_name, "url": absolute_url(siteurl, "")}
        description_ld = dataset(
            name=name, description=description, url=absolute_url(siteurl, page_url),
            license_url=licenses.CONTENT.url, creator=creator,
            date_modified=modified.isoformat() if modified else None,
            distributions=[(absolute_url(siteurl, file.path), file.media_type) for file in files],
            based_on={"@type": "CreativeWork", "name": "Business Model Canvas", "license": licenses.CANVAS.url,
                      "creator": {"@type": "Organization", "name": licenses.CANVAS_CREATOR,
                                  "url": licenses.CANVAS_CREATOR_URL}})
        crumbs = [("Gallery", ""), ("Open data", page_url)]
        writer.write_file(setting(self.settings, "CANVAS_DATA_SAVE_AS"), self.get_template("data"), self.context,
                          url=page_url, breadcrumbs=crumbs, lastmod=modified, dataset_files=files,
                          dataset_name=name, dataset_description=description, canvas_count=len(canvases),
                          structured_data=[site_breadcrumb_list(siteurl, crumbs), description_ld])

    def write_text(self, label: str, path: str, media_type: str, text: str) -> DatasetFile:
        content = text.encode("utf-8")
        target = os.path.join(self.output_path, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as stream:
            stream.write(content)
        return DatasetFile(label, path, media_type, len(content))

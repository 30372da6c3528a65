"""What the build writes: one module per page kind (canvas_pages, industry_pages, gallery_pages,
pattern_pages, find_pages) returning ``site.SitePage`` values for the generator to hand to Pelican's
writer, and the files beside the pages: downloads, compare index, structured data, social cards, feed,
sitemap, the open dataset."""

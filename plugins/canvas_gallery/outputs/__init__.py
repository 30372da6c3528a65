"""Outputs written beside the pages: downloads, compare index, structured data, social cards, feed, sitemap."""

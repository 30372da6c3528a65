"""After Pelican: the search index (Pagefind, in parts) and the PDF/PNG exports rendered in Chromium."""

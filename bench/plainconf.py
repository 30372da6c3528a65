"""Stock Pelican for the comparison: default theme, default feeds and listings, no plugins.

The content folder comes from BENCH_CONTENT (bench/run.py sets it); nothing else is changed from
what ``pelican-quickstart`` leaves out, so the numbers are those of an ordinary Pelican blog.
"""

import os

SITENAME = "Plain Pelican"
AUTHOR = "Benchmark"
PATH = os.environ["BENCH_CONTENT"]
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

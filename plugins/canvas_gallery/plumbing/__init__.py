"""Build plumbing, apart from the steps: forked workers, caches, atomic output, progress, source
changes, watch steps."""

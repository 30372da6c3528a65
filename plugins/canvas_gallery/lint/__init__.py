"""Lint: rules that read validated canvases and return findings (errors stop the build)."""

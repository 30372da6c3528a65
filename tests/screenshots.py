"""Compare a screenshot with its committed reference; write a diff image when they differ."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image, ImageChops

REFERENCES = Path(__file__).resolve().parent / "screenshots"
DIFFS = REFERENCES / "diff"
# Chromium renders the same page identically run to run here, so the tolerance is tight:
# a pixel counts as changed when any channel moves by more than 16 of 255, and at most
# 0.1 % of the pixels may change.
CHANNEL_TOLERANCE = 16
MAX_CHANGED_SHARE = 0.001


def assert_matches_reference(png: bytes, name: str) -> None:
    reference = REFERENCES / f"{name}.png"
    actual_path = DIFFS / f"{name}.actual.png"
    DIFFS.mkdir(parents=True, exist_ok=True)
    actual_path.write_bytes(png)
    if os.environ.get("UPDATE_SCREENSHOTS") == "1" or not reference.exists():
        if os.environ.get("CI") and not reference.exists():
            raise AssertionError(f"no reference image {reference}; run `make update-screenshots` and commit it")
        reference.write_bytes(png)
        return
    actual = Image.open(actual_path).convert("RGB")
    expected = Image.open(reference).convert("RGB")
    if actual.size != expected.size:
        raise AssertionError(f"{name}: size {actual.size} differs from reference {expected.size} ({actual_path})")
    difference = ImageChops.difference(actual, expected).convert("L").point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0)
    changed = difference.histogram()[255]  # every pixel is 0 or 255 after point()
    share = changed / (actual.width * actual.height)
    if share > MAX_CHANGED_SHARE:
        diff_path = DIFFS / f"{name}.diff.png"
        Image.composite(Image.new("RGB", actual.size, (255, 0, 0)), actual, difference).save(diff_path)
        raise AssertionError(f"{name}: {share:.3%} of pixels differ (limit {MAX_CHANGED_SHARE:.1%}); see {diff_path}")
    actual_path.unlink()

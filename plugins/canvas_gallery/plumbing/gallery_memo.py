"""One result per gallery: the last value a function computed for the same list of canvases.

Several steps need the same whole-gallery facts (term statistics, the lexicon, related links) and are
called one canvas at a time or from different modules; with this they compute them once per build.
The canvases are compared by identity, and the memo holds them, so their ids cannot be reused meanwhile.
"""

from __future__ import annotations

import functools


def per_gallery(function):
    """Memoise ``function(canvases, *args)`` on the identity of the canvases and the other arguments."""
    last: dict = {}

    @functools.wraps(function)
    def remembered(canvases, *args):
        known = last.get("canvases")
        if (known is None or last["args"] != args or len(known) != len(canvases)
                or any(a is not b for a, b in zip(known, canvases))):
            last.update(canvases=tuple(canvases), args=args, result=function(canvases, *args))
        return last["result"]

    return remembered

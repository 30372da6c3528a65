"""The Atom feed of recently added or updated canvases, built with feedgenerator (a Pelican dependency).

Plain data in (canvases and absolute URLs), the feed's XML text out; nothing here knows Pelican.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from feedgenerator import Atom1Feed
from markupsafe import escape

from ..model import Canvas

# A feed with no dated entry still needs an <updated>; a fixed date keeps builds reproducible.
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class _ReproducibleAtomFeed(Atom1Feed):
    def latest_post_date(self):
        # feedgenerator falls back to "now" when no entry has a date; never write the build time.
        dates = [item["updateddate"] for item in self.items if item.get("updateddate")]
        return max(dates, default=EPOCH)


def _midnight(date: datetime.date) -> datetime.datetime:
    return datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.timezone.utc)


def recent_canvases(canvases: Iterable[Canvas], limit: int) -> list[Canvas]:
    """Canvases with an ``updated`` date, newest first, ties by slug; at most ``limit`` of them."""
    dated = [canvas for canvas in canvases if canvas.updated]
    dated.sort(key=lambda canvas: canvas.slug)
    dated.sort(key=lambda canvas: canvas.updated, reverse=True)  # stable: slug order within a date
    return dated[:limit]


def canvas_feed(canvases: Iterable[Canvas], *, title: str, site_url: str, feed_url: str, description: str,
                canvas_url: Callable[[Canvas], str], language: str = "en", author: str = "") -> str:
    """The Atom XML of the given canvases, in the given order."""
    feed = _ReproducibleAtomFeed(title=title, link=site_url, feed_url=feed_url, description=description,
                                 language=language, author_name=author or None, feed_guid=feed_url)
    for canvas in canvases:
        url = canvas_url(canvas)
        feed.add_item(
            title=f"{canvas.name} Business Model Canvas",
            link=url,
            unique_id=url,
            description=str(escape(canvas.summary)),  # Atom marks it type="html": seed text stays text
            updateddate=_midnight(canvas.updated),
            categories=[canvas.industry.name],
        )
    return feed.writeString("utf-8")

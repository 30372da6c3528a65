"""Canvas -> the revenue models its revenue streams name (subscriptions, advertising, commissions…);
related.py compares canvases by them.

A model is found when an item uses one of its words (compared as terms.py stems them); the lists are
short on purpose: a model is only claimed when the canvas says it in so many words.
"""

from __future__ import annotations

from ..model import Canvas
from .terms import terms

# label -> words that signal it in the revenue streams block
REVENUE_MODELS = {label: frozenset(terms(words)) for label, words in {
    "subscriptions": "subscription membership subscribe recurring",
    "advertising": "advertising advertisers ad ads sponsorship sponsors",
    "commissions": "commission commissions booking marketplace",  # not "fees": "bag fees" take no commission
    "transaction fees": "transaction interchange payments processing",
    "licensing": "licensing licence license royalties franchise",
    "interest": "interest loans lending financing",
    "product sales": "sales selling products devices hardware vehicles drinks food",
    "services": "services consulting support maintenance repairs warranty",
    "usage charges": "usage consumption metered pay-as-you-go tariffs",
}.items()}


def revenue_models(canvas: Canvas) -> tuple[str, ...]:
    """The models whose words the revenue streams use, in the table's order."""
    found = {term for item in canvas.items["revenue_streams"] for term in terms(item)}
    return tuple(label for label, stems in REVENUE_MODELS.items() if found & stems)

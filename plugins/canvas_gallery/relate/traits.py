"""Canvas -> a few coarse traits read from its items: revenue models, price positioning, kinds of
customers, channels and costs. related.py compares them; analysis.py puts them into words.

Each trait is a label found when an item uses one of its words (compared as terms.py stems them);
the lists are short on purpose: a label is only claimed when the canvas says it in so many words.
"""

from __future__ import annotations

import re

from ..writeup.english import strip_parentheticals
from ..model import Canvas
from .terms import terms

# label -> words that signal it in the revenue streams block (stemmed below, as terms.py does)
REVENUE_MODELS = {
    "subscriptions": "subscription membership subscribe recurring",
    "advertising": "advertising advertisers ad ads sponsorship sponsors",
    "commissions": "commission commissions booking marketplace",  # not "fees": "bag fees" take no commission
    "transaction fees": "transaction interchange payments processing",
    "licensing": "licensing licence license royalties franchise",
    "interest": "interest loans lending financing",
    "product sales": "sales selling products devices hardware vehicles drinks food",
    "services": "services consulting support maintenance repairs warranty",
    "usage charges": "usage consumption metered pay-as-you-go tariffs",
}

# Price positioning is read from the raw text: "premium tier" or "low fees" need their neighbours.
PREMIUM = re.compile(r"\b(luxury|high-end|prestig\w*|status|craftsmanship|flagship|"
                     r"premium(?! (tiers?|plans?|subscriptions?|memberships?|features?|versions?)))\b", re.I)
# "Cheaper" is left out: it compares one product with another ("cheaper biosimilars", "cheaper ground shipping").
LOW_COST = re.compile(r"\b(low[- ](cost|prices?|fares?|fees?)|lowest|cheap|cheapest|affordab\w*|budget|"
                      r"discount\w*|bargain\w*|no[- ]frills|value for money)\b", re.I)
# Neither says where the company itself stands on price: an item that credits a sub-brand or product line
# ("Premium beauty from SK-II", "Premium fuels such as V-Power", "collectors (Bentley, Lamborghini)"), and
# a word that is only compared with ("authenticity over lowest price", "a fraction of premium prices").
_SUB_BRAND = re.compile(r"\(|\b(such as|through|from|under|via|with)\b", re.I)
_COMPARED = re.compile(r"\b(over|below|than|fraction of|instead of)\s+(a\s+|the\s+)?$", re.I)

ORGANISATIONS = """businesses enterprises companies firms brands advertisers merchants retailers developers
    governments schools hospitals operators manufacturers restaurants publishers insurers banks agencies teams
    organisations organizations utilities airlines carmakers automakers suppliers distributors shops"""
PEOPLE = """consumers people families travellers travelers students shoppers users drivers fans players parents
    homeowners buyers gamers households individuals creators patients riders guests listeners viewers learners
    customers women men children teens adults workers owners professionals diners motorists collectors"""

ONLINE = "app online website web e-commerce digital social email internet mobile platform streaming search"
PHYSICAL = """stores shops retail dealers dealerships outlets supermarkets pharmacies branches showrooms
    restaurants kiosks counters stations airports hotels"""
THIRD_PARTY = """partners resellers distributors wholesale wholesalers carriers retailers agents agencies
    marketplaces dealers franchisees franchise third-party"""

COST_KINDS = {
    "people": "staff salaries wages employees payroll personnel talent engineers",
    "technology": "data cloud infrastructure servers computing research development technology software",
    "marketing": "marketing advertising brand sponsorship promotion",
    "content": "content licensing rights programming",
    "royalties": "royalties licences",  # an oil major's and a drug maker's too: not only content
    "production": """manufacturing components materials raw production plants factories ingredients
        assembly goods inventory""",
    "logistics": "logistics fuel fleet shipping freight delivery warehouses transport aircraft vessels",
    "property": "stores rent leases property restaurants hotels real-estate",
}


def _stemmed(words: str) -> frozenset:
    return frozenset(terms(words))


REVENUE_MODELS = {label: _stemmed(words) for label, words in REVENUE_MODELS.items()}
COST_KINDS = {label: _stemmed(words) for label, words in COST_KINDS.items()}


def _named(words: str) -> dict[str, str]:
    """stem -> the word as listed, so that a sentence can say which word it found ("retailers")."""
    named = {}
    for word in words.split():
        for stem in terms(word):
            named.setdefault(stem, word)
    return named


ORGANISATIONS_NAMED, PEOPLE_NAMED = _named(ORGANISATIONS), _named(PEOPLE)
ONLINE_NAMED, PHYSICAL_NAMED, THIRD_PARTY_NAMED = _named(ONLINE), _named(PHYSICAL), _named(THIRD_PARTY)


def _stems(items) -> set[str]:
    return {term for item in items for term in terms(item)}


def labels(items, table: dict) -> tuple[str, ...]:
    """The labels of ``table`` whose stems appear in the items, in the table's order."""
    found = _stems(items)
    return tuple(label for label, stems in table.items() if found & stems)


def revenue_models(canvas: Canvas) -> tuple[str, ...]:
    return labels(canvas.items["revenue_streams"], REVENUE_MODELS)


GENERIC_FEES = frozenset(terms("fee fees"))  # "shipment fees", "final value fees": no model in particular
_PREPOSITIONS = ("on", "from", "of", "in", "to", "for", "across", "at", "by", "with", "via", "through", "tied", "paid",
                 "bought")
# A revenue item's head phrase ends where its first preposition starts: "Final value fees | on each sale".
_HEAD_END = re.compile(rf"\s(?:{'|'.join(_PREPOSITIONS)})\s", re.I)
# The models a word right before a generic "fees" still decides: "subscription fees", "card processing fees".
_FEES_OF = ("subscriptions", "transaction fees", "usage charges", "licensing", "interest")


def leading_revenue_model(canvas: Canvas) -> str:
    """The revenue model of the first revenue stream (editors list the largest first), or "" when that item
    names none (nothing is then claimed). Read from the head of the phrase, as English puts it last:
    "Service Cloud subscriptions" is subscriptions, "Final value fees on each sale" is fees (of no
    particular kind), "Per-transaction card processing fees" is transaction fees."""
    first = canvas.items["revenue_streams"][:1]
    if not first:
        return ""
    head = _HEAD_END.split(strip_parentheticals(first[0]), maxsplit=1)[0]
    found = [(term, _model_of(term)) for term in terms(head)]
    found = [(term, model) for term, model in found if model]
    if not found:
        return ""
    term, model = found[-1]
    if model == "fees" and len(found) > 1 and found[-2][1] in _FEES_OF:
        return found[-2][1]
    return model


def _model_of(term: str) -> str:
    if term in GENERIC_FEES:
        return "fees"
    return next((label for label, stems in REVENUE_MODELS.items() if term in stems), "")


def positioning(canvas: Canvas) -> str:
    """ "premium", "low-cost" or "" (nothing said, or both said) of the company's own offer and customers."""
    items = [item for item in canvas.items["value_propositions"] + canvas.items["customer_segments"]
             if not _SUB_BRAND.search(item)]
    premium, low_cost = (any(_says(pattern, item) for item in items) for pattern in (PREMIUM, LOW_COST))
    if premium == low_cost:
        return ""
    return "premium" if premium else "low-cost"


def _says(pattern: re.Pattern, item: str) -> bool:
    return any(not _COMPARED.search(item[:match.start()]) for match in pattern.finditer(item))


def customer_kinds(canvas: Canvas) -> dict[str, tuple[str, ...]]:
    """ "people" and/or "organisations" among the customer segments, each with the listed words that
    signalled it ("households", "advertisers"), in the order the items use them. Only an item's head noun
    counts (_head_term): "Customer service teams" are organisations, "Consumers entering formal banking"
    and "Brazilian adults moving away from traditional banks" are people."""
    tables = (("people", PEOPLE_NAMED), ("organisations", ORGANISATIONS_NAMED))
    heads = [_head_term(item, tables) for item in canvas.items["customer_segments"]]
    return _kinds([head for head in heads if head], tables)


# Words for customers that say nothing about who they are: an item's more telling word decides its kind,
# and a sentence names a more telling one first.
GENERIC_CUSTOMERS = frozenset(("customers", "buyers", "users", "people", "individuals"))


def _head_term(item: str, tables) -> str | None:
    """The last word of ``tables`` in the noun phrase an item starts with: the phrase runs from its first such
    word to the next preposition or -ing word ("using", "buying"), which starts what the group does."""
    found = []
    for word in strip_parentheticals(item).split():
        bare = word.lower().strip(",.;:")
        participle = bare.endswith("ing") and len(bare) > 4  # "banking" is an activity, not banks
        if found and (participle or bare in _PREPOSITIONS):
            break
        if not participle:
            found += [term for term in terms(word) if any(term in named for _, named in tables)]
    telling = [term for term in found if _word_of(term, tables) not in GENERIC_CUSTOMERS]
    return (telling or found or [None])[-1]  # "restaurant and foodservice customers" are restaurants


def _word_of(term: str, tables) -> str:
    return next(named[term] for _, named in tables if term in named)


def channel_kinds(canvas: Canvas) -> dict[str, tuple[str, ...]]:
    """ "online", "physical" and/or "third-party" among the channels, each with the words that signalled it."""
    return _kinds([term for item in canvas.items["channels"] for term in terms(item)],
                  (("online", ONLINE_NAMED), ("physical", PHYSICAL_NAMED), ("third-party", THIRD_PARTY_NAMED)))


def _kinds(item_terms, tables) -> dict[str, tuple[str, ...]]:
    """kind -> the listed words of its table that ``item_terms`` use, in order; kinds none uses are left out."""
    found = {}
    for kind, named in tables:
        words = tuple(dict.fromkeys(named[term] for term in item_terms if term in named))
        if words:
            found[kind] = words
    return found


def cost_kinds(canvas: Canvas) -> tuple[str, ...]:
    return labels(canvas.items["cost_structure"], COST_KINDS)

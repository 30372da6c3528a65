"""The nine building blocks of the Business Model Canvas: one definition, imported everywhere."""

from dataclasses import dataclass


@dataclass(frozen=True)
class BlockSpec:
    key: str  # the key in a seed file: ``key_partners``
    label: str  # what a visitor reads: "Key Partners"
    question: str  # the question the block answers, shown as a hint

    @property
    def slug(self) -> str:
        """The hyphenated form used in HTML (``data-block="key-partners"``) and CSS."""
        return self.key.replace("_", "-")


# Canvas reading order: left to right through the grid, then the bottom row.
BLOCKS = (
    BlockSpec("key_partners", "Key Partners", "Who helps us?"),
    BlockSpec("key_activities", "Key Activities", "What do we do?"),
    BlockSpec("key_resources", "Key Resources", "What do we need?"),
    BlockSpec("value_propositions", "Value Propositions", "What do we offer?"),
    BlockSpec("customer_relationships", "Customer Relationships", "How do we interact?"),
    BlockSpec("channels", "Channels", "How do we reach them?"),
    BlockSpec("customer_segments", "Customer Segments", "Who do we serve?"),
    BlockSpec("cost_structure", "Cost Structure", "What does it cost?"),
    BlockSpec("revenue_streams", "Revenue Streams", "How do we earn?"),
)

BLOCK_KEYS = tuple(block.key for block in BLOCKS)
BLOCKS_BY_KEY = {block.key: block for block in BLOCKS}

MIN_ITEMS = 1
MAX_ITEMS = 12

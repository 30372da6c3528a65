"""Small English helpers for generated text: lists, articles, plurals, numbers, item phrasing.

Plain strings in and out; escaping is the caller's business (mentions.py escapes paragraphs with
markupsafe, the templates autoescape reasons).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..plumbing.gallery_memo import per_gallery
from ..model import Canvas

_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve")
# Letters whose spoken name starts with a vowel sound: "an FMCG maker", "an SUV".
_VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")
# Vowel-letter words that start with a consonant sound, and h-words that start with a vowel sound.
_CONSONANT_SOUND = re.compile(r"^(uni|use|usu|uti|ura|euro|eu|one|once|ubi)", re.IGNORECASE)
_SILENT_H = re.compile(r"^(hour|honest|honou?r|heir)", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Not "-ic" or "-al": names end that way too ("Panasonic", "Continental").
_ENGLISH_ENDINGS = ("ing", "ed", "ion", "ions", "ers", "ists", "ians", "ness", "ment", "ments",
                    "ity", "ies", "ous", "ful", "less", "able", "ible", "ance", "ence", "ship", "ships")


def number_word(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def pluralize(noun: str) -> str:
    """The plural of a regular noun, or of the last word of a noun phrase."""
    head, _, last = noun.rpartition(" ")
    lower = last.lower()
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """ "one partner", "seven partners", "no partners"."""
    return f"{number_word(n)} {noun if n == 1 else plural or pluralize(noun)}"


def indefinite_article(phrase: str) -> str:
    """ "a" or "an", by how the first word sounds, not how it is spelt."""
    word = phrase.strip().split(" ", 1)[0] if phrase.strip() else ""
    if not word:
        return "a"
    if word[0].isdigit():
        return "an" if re.match(r"^(8|11|18)(\D|$)|^8\d", word) else "a"
    letters = re.sub(r"[^A-Za-z]", "", word)
    if len(letters) > 1 and letters.isupper():  # an acronym, read letter by letter
        return "an" if letters[0] in _VOWEL_SOUND_LETTERS else "a"
    if _SILENT_H.match(word):
        return "an"
    if word[0].lower() in "aeiou" and not _CONSONANT_SOUND.match(word):
        return "an"
    return "a"


def join_list(items, conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B and C"; semicolons when an item has a comma or an "and" of its own."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return items[0] if items else ""
    bare = [_PARENTHETICAL.sub("", item) for item in items]
    if len(items) == 2:
        if conjunction == "and" and any(" and " in item for item in bare):  # not "A and B and C and D"
            return f"{items[0]}, as well as {items[1]}"
        return f"{items[0]} {conjunction} {items[1]}"
    if any("," in item or " and " in item for item in bare):  # "A; B and C; and D" stays readable
        return "; ".join(items[:-1]) + f"; {conjunction} " + items[-1]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def possessive(name: str) -> str:
    """ "Xiaomi's", "Novo Nordisk'", and "McDonald's" as it is: a name that is a possessive already."""
    if name.endswith(("'s", "’s")):
        return name
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def capitalize_first(text: str) -> str:
    """Capitalise a sentence start unless the first word is styled on purpose ("iPhone", "eBay")."""
    match = _WORD.search(text)
    if not match or match.start() != 0:
        return text
    word = match.group()
    if word.islower():
        return text[0].upper() + text[1:]
    return text


def strip_parentheticals(text: str) -> str:
    return _PARENTHETICAL.sub("", text).strip()


def choose(options, *key) -> object:
    """One of several phrasings, the same one every build: a hash of the key picks it."""
    digest = hashlib.sha256("\x1f".join(map(str, key)).encode("utf-8")).digest()
    return options[int.from_bytes(digest[:8], "big") % len(options)]


@dataclass
class Lexicon:
    """Which capitalised words are ordinary words, learnt from the gallery's own text.

    An item such as "Carriers such as Verizon" starts with a capital because it starts a list entry;
    inside a sentence it should read "carriers such as Verizon", while "Google (search)" keeps its
    capital. A word counts as ordinary when the gallery also uses it in lowercase mid-sentence.
    """

    ordinary: frozenset  # words seen in lowercase mid-sentence
    names: frozenset  # words of canvas names
    capitalised: frozenset  # words seen with a capital mid-sentence ("Apple Store", "Magic Pocket")

    @classmethod
    def from_canvases(cls, canvases: list[Canvas]) -> "Lexicon":
        """Learn from every canvas; the same list (related.py, then analysis.py) is read only once."""
        return _learn_lexicon(canvases)

    @classmethod
    def _learn(cls, canvases: list[Canvas]) -> "Lexicon":
        ordinary, names, capitalised, texts = set(), set(), set(), set()
        for canvas in canvases:
            names.update(word.lower() for word in _WORD.findall(canvas.name))
            texts.add(canvas.summary)
            texts.update(canvas.analysis.values())
            texts.update(item for items in canvas.items.values() for item in items)
        for text in texts:  # each distinct text once: items repeat across canvases
            for match in _WORD.finditer(text):
                word = match.group()
                # Most words are known by now: only a word that would add something needs its context.
                if word.islower():
                    if word in ordinary:
                        continue
                elif not word[0].isupper() or word.lower() in capitalised:
                    continue
                before = text[max(0, match.start() - 8):match.start()].rstrip()
                if not before or before.endswith((".", "!", "?", ":", "(", "\"", "-", "\n")):
                    continue  # a sentence start says nothing about the word
                if word.islower():
                    ordinary.update([word, *word.split("-")])
                else:
                    capitalised.add(word.lower())
        return cls(frozenset(ordinary), frozenset(names - ordinary), frozenset(capitalised - ordinary))

    def in_sentence(self, item: str) -> str:
        """An item as it reads inside a sentence: a leading ordinary word loses its capital."""
        item = item.strip().rstrip(".;")
        match = _WORD.match(item)
        if not match:
            return item
        word = match.group()
        lowered = word.lower()
        if lowered in ("a", "an", "the"):
            return lowered + item[len(word):]
        head = lowered.split("-")[0]  # "Low-emission": judge by "low"
        simple_capital = word[0].isupper() and (len(word) == 1 or word[1:].islower())
        if not simple_capital or head in self.names or lowered in self.capitalised:
            return item
        # "Cash App Card" is a name even though "cash" is an ordinary word: the next word is capitalised too.
        following = _WORD.match(item[match.end():].lstrip())
        in_name = following is not None and following.group()[0].isupper() and not lowered.endswith("ing")
        # A word the gallery never writes in lowercase is still ordinary when it looks like English
        # ("Holidaymakers", "Encryption"); one without such an ending may be a name ("Zoomtopia").
        looks_ordinary = head in self.ordinary or lowered.endswith(_ENGLISH_ENDINGS)
        if looks_ordinary and not in_name:
            return lowered + item[len(word):]
        return item

    def short(self, item: str, max_words: int = 6) -> str | None:
        """A few words of an item for a reason line, or None when it cannot be said briefly."""
        text = strip_parentheticals(item)
        for cut in (" such as ", " including ", ", ", " – ", " - ", ": ", "; "):
            text = text.split(cut, 1)[0]
        text = self.in_sentence(text)
        return text if 0 < len(text.split()) <= max_words else None


@per_gallery
def _learn_lexicon(canvases: list[Canvas]) -> Lexicon:
    return Lexicon._learn(canvases)

"""The analysis text: editor prose where there is some, fluent generated text elsewhere, company
names linked to their canvases (first mention per section), and pages that do not repeat each other."""

from __future__ import annotations

import collections
import itertools
import re

import pytest
from bs4 import BeautifulSoup

from bench.analysis_review import sentences
from sitebuild import parsed
from canvas_gallery.writeup.analysis import MAX_GENERATED, analysis_context, analysis_sections
from canvas_gallery.blocks import BLOCK_KEYS
from canvas_gallery.writeup.english import (Lexicon, capitalize_first, choose, count_of, indefinite_article,
                                            join_list, pluralize, possessive)
from canvas_gallery.model import Canvas, Industry
from canvas_gallery.relate.traits import revenue_models

PHONES = Industry("consumer-electronics", "Consumer Electronics", "")
SHINGLE = 8
# Two pages' generated text (quoted items left out: they are the canvases' words) may share at most this
# share of their 8-word shingles, counted over both (Jaccard). Pages with fewer than MIN_SHINGLES (about two
# sentences) are left to the frame test: one sentence in a common shape is most of so short a text.
MAX_SHARED_SHINGLES = 0.20
MIN_SHINGLES = 40
# Enough pages with that much generated text for the comparison to mean something. Editor prose on every
# block leaves most pages one introduction sentence and a few comparisons, so this is a count, not a share.
MIN_COMPARED_PAGES = 50
# A generated sentence frame (company names and numbers masked) may stand on at most this share of the
# canvas pages: the shingle test compares pages two by two, and misses one frame repeated across many.
MAX_PAGES_PER_FRAME = 0.05


def make_canvas(slug, name=None, analysis=None, **blocks) -> Canvas:
    plain = slug.replace("-", "")
    items = {key: tuple(blocks.get(key, (f"Thing{plain}x{index}",))) for index, key in enumerate(BLOCK_KEYS)}
    return Canvas(slug=slug, name=name or slug.title(), industry=PHONES, summary="", items=items,
                  path=f"seeds/{slug}.yaml", analysis=analysis or {}, url=f"canvas/{slug}/")


def section(sections, key):
    return next(s for s in sections if s.block_key == key)


def test_lists_read_a_b_and_c():
    assert join_list([]) == ""
    assert join_list(["apps"]) == "apps"
    assert join_list(["apps", "stores"]) == "apps and stores"
    assert join_list(["apps", "stores", "carriers"]) == "apps, stores and carriers"
    assert join_list(["apps", "stores", "carriers"], "or") == "apps, stores or carriers"


def test_lists_of_items_with_commas_or_ands_use_semicolons():
    assert (join_list(["Foxconn, Luxshare and Tata", "TSMC", "carriers"])
            == "Foxconn, Luxshare and Tata; TSMC; and carriers")
    assert join_list(["students and schools", "fans", "gamers"]) == "students and schools; fans; and gamers"
    assert join_list(["forums and fan clubs", "flash sales"]) == "forums and fan clubs, as well as flash sales"
    # A comma inside parentheses does not count.
    assert join_list(["TSMC (chips, modems)", "Foxconn", "Sony"]) == "TSMC (chips, modems), Foxconn and Sony"


def test_articles_follow_the_sound_not_the_letter():
    cases = {"apple": "an", "banana": "a", "hour": "an", "honest broker": "an", "user base": "a",
             "European airline": "a", "one-stop shop": "a", "FMCG maker": "an", "SUV": "an", "NBA team": "an",
             "B2B seller": "a", "8-bit console": "an", "11-seat plane": "an", "umbrella": "an"}
    for phrase, article in cases.items():
        assert indefinite_article(phrase) == article, phrase


def test_plurals_and_counts():
    assert pluralize("channel") == "channels"
    assert pluralize("core activity") == "core activities"
    assert pluralize("key") == "keys"
    assert pluralize("business") == "businesses"
    assert count_of(1, "partner") == "one partner"
    assert count_of(7, "partner") == "seven partners"
    assert count_of(14, "partner") == "14 partners"
    assert count_of(2, "way of keeping customers", "ways of keeping customers") == "two ways of keeping customers"


def test_sentence_starts_are_capitalised_unless_styled():
    assert capitalize_first("the App Store") == "The App Store"
    assert capitalize_first("iPhone sales") == "iPhone sales"
    assert capitalize_first("eBay sellers") == "eBay sellers"


def test_items_lose_a_list_capital_inside_sentences_but_names_keep_theirs():
    canvases = [make_canvas("acme", name="Acme", channels=["Carriers such as Verizon", "Own stores"],
                            key_partners=["Google (search)", "Cash App Card", "Apple Store staff"],
                            customer_segments=["Buyers who like carriers and stores", "Fans of Cash App"])]
    lexicon = Lexicon.from_canvases(canvases)
    assert lexicon.in_sentence("Carriers such as Verizon") == "carriers such as Verizon"
    assert lexicon.in_sentence("Google (search)") == "Google (search)"
    assert lexicon.in_sentence("Cash App Card") == "Cash App Card"
    assert lexicon.in_sentence("Reviewing submissions") == "reviewing submissions"
    assert lexicon.in_sentence("Motorists buying fuel") == "motorists buying fuel"  # looks English by its ending
    assert lexicon.in_sentence("Zoomtopia conference") == "Zoomtopia conference"  # does not
    assert lexicon.in_sentence("A vetted store.") == "a vetted store"


def test_phrasing_choice_is_stable_and_varies_with_the_key():
    options = tuple(range(5))
    assert choose(options, "apple", "channels") == choose(options, "apple", "channels")
    assert len({choose(options, f"canvas-{n}", "channels") for n in range(40)}) == 5


def test_the_same_canvas_gives_the_same_text_every_time():
    canvases = [make_canvas("acme", channels=["Carrier stores"]), make_canvas("bolt", channels=["Carrier deals"])]
    first = analysis_sections(canvases[0], canvases[1:], analysis_context(canvases))
    second = analysis_sections(canvases[0], canvases[1:], analysis_context(list(reversed(canvases))))
    assert first == second


def test_editor_prose_is_kept_and_other_blocks_get_a_fallback():
    acme = make_canvas("acme", analysis={"channels": "Our editor wrote this about channels."})
    sections = analysis_sections(acme, [], analysis_context([acme]))
    assert not section(sections, "channels").generated
    assert "Our editor wrote this" in section(sections, "channels").html
    assert all(s.generated for s in sections if s.block_key != "channels")
    assert {s.block_key for s in sections} == set(BLOCK_KEYS)  # nothing related: no introduction


def test_fallback_names_the_first_items_after_a_colon_and_counts_the_rest():
    acme = make_canvas("acme", name="Acme", key_activities=["Designing", "Assembling", "Testing", "Shipping", "Repairs"])
    text = BeautifulSoup(section(analysis_sections(acme), "key_activities").html, "html.parser").get_text()
    assert text in ("Acme's canvas lists five core activities: designing, assembling, testing and two more.",
                    "On Acme's canvas, this block holds five core activities: designing, assembling, testing and two "
                    "more.")


def test_a_block_is_compared_with_a_related_canvas_that_lists_a_close_match():
    acme = make_canvas("acme", name="Acme", channels=["Carrier stores with financing plans", "Own web shop"],
                       analysis={key: "Editor prose." for key in BLOCK_KEYS})
    bolt = make_canvas("bolt", name="Bolt", channels=["Carrier partnerships with financing plans"])
    # Other canvases make "carrier" and "financing" rare terms.
    others = [make_canvas(f"other-{n}", key_partners=[f"Its own shop{n}, a carrier and financing"]) for n in range(40)]
    channels = section(analysis_sections(acme, [bolt], analysis_context([acme, bolt, *others])), "channels")
    assert "Editor prose." in channels.html and not channels.generated
    comparison = BeautifulSoup(channels.comparison, "html.parser")
    assert "“Carrier partnerships with financing plans”" in comparison.get_text()
    assert comparison.a["href"] == "/canvas/bolt/"


def test_a_weak_match_in_another_industry_is_not_compared():
    """An airline and a toy maker both listing online customer service have nothing to say to each other."""
    toys = Industry("consumer-goods", "Consumer Goods", "")
    airline = make_canvas("airline", name="Airline", customer_relationships=["Online customer service"],
                          analysis={key: "Prose." for key in BLOCK_KEYS})
    plush = make_canvas("plush", name="Plush", customer_relationships=["Online customer service"])
    plush = Canvas(**{**plush.__dict__, "industry": toys})
    others = [make_canvas(f"other-{n}") for n in range(8)]
    sections = analysis_sections(airline, [plush], analysis_context([airline, plush, *others]))
    assert not any(s.comparison for s in sections)
    assert "Online customer service" not in " ".join(s.html for s in sections)


def intro_text(canvas, related, gallery) -> str:
    sections = analysis_sections(canvas, related, analysis_context(gallery))
    return BeautifulSoup(section(sections, "introduction").html, "html.parser").get_text()


WRITTEN = {key: "Prose." for key in BLOCK_KEYS}


def test_one_neighbour_in_the_industry_reads_in_the_singular():
    canvases = [make_canvas(slug, name=slug.title(), analysis=WRITTEN) for slug in ("anvil", "bolt", "crank", "drill")]
    texts = []
    for canvas in canvases:  # each takes its turn among the industry's phrasings
        others = [c for c in canvases if c is not canvas]
        gallery = [*canvases, *(make_canvas(f"x{n}", analysis=WRITTEN) for n in range(3))]
        texts.append(intro_text(canvas, others[:1], gallery))
    assert not any(bad in text for text in texts for bad in (" are Anvil", " are Bolt", "come closest", "canvases nearest"))


def test_an_industry_named_whole_is_not_called_closest():
    """Naming every other canvas of the industry as 'closest' says nothing: the sentence just lists them."""
    trio = [make_canvas(slug, name=slug.title(), analysis=WRITTEN) for slug in ("anvil", "bolt", "crank")]
    text = intro_text(trio[0], trio[1:], trio)
    assert "Bolt and Crank" in text and "closest" not in text and "nearest" not in text


def test_one_or_two_linked_canvases_read_as_such():
    for count, expected in ((1, "is linked below"), (2, "both linked below")):
        canvases = [make_canvas(f"c{n}", name=f"C{n}", analysis=WRITTEN) for n in range(count + 1)]
        text = intro_text(canvases[0], canvases[1:], canvases)
        assert expected in text and "all linked" not in text, text


def test_the_same_entry_on_both_canvases_is_not_quoted():
    kering = make_canvas("kering", name="Kering", channels=["Airport and travel-retail stores"], analysis=WRITTEN)
    hermes = make_canvas("hermes", name="Hermes", channels=["Airport and travel-retail stores"])
    others = [make_canvas(f"x{n}") for n in range(40)]
    assert not any(s.comparison for s in analysis_sections(kering, [hermes], analysis_context([kering, hermes, *others])))


def test_the_introduction_names_every_related_canvas_of_the_industry():
    """Naming three of six related canvases as 'the related canvases' tells a reader there are no others."""
    canvases = [make_canvas(slug, name=slug.title(), analysis=WRITTEN) for slug in ("a1", "b2", "c3", "d4", "e5", "f6")]
    gallery = [*canvases, *(make_canvas(f"x{n}", name=f"X{n}", analysis=WRITTEN) for n in range(3))]
    text = intro_text(canvases[0], canvases[1:5], gallery)
    assert all(name in text for name in ("B2", "C3", "D4", "E5")) and "F6" not in text


def test_an_item_many_canvases_list_is_no_comparison():
    common = [make_canvas(f"c{n}", name=f"C{n}", cost_structure=["Stock-based compensation"]) for n in range(8)]
    acme = make_canvas("acme", name="Acme", cost_structure=["Stock-based compensation"], analysis=WRITTEN)
    others = [make_canvas(f"x{n}") for n in range(40)]
    sections = analysis_sections(acme, common[:3], analysis_context([acme, *common, *others]))
    assert not any(s.comparison for s in sections)


def test_generated_text_escapes_item_text():
    hostile = make_canvas("hostile", name="<b>Bad</b> & Co", channels=["<script>alert(1)</script>", "Tom & Jerry's"])
    html = section(analysis_sections(hostile, [], analysis_context([hostile])), "channels").html
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "Tom &amp; Jerry&#39;s" in html
    assert "<script>alert(1)</script>" in BeautifulSoup(html, "html.parser").get_text()


def test_only_the_first_mention_of_a_company_in_a_section_is_linked():
    acme = make_canvas("acme", name="Acme", analysis={
        "channels": "Bolt sells through carriers. Later Bolt does it again, and the Bolt Business Model Canvas agrees."})
    bolt = make_canvas("bolt", name="Bolt")
    html = section(analysis_sections(acme, [], analysis_context([acme, bolt])), "channels").html
    links = BeautifulSoup(html, "html.parser").find_all("a")
    assert [(a.get_text(), a["href"]) for a in links] == [("Bolt", "/canvas/bolt/")]


def test_the_canvas_suffix_joins_the_link_and_each_section_links_again():
    acme = make_canvas("acme", name="Acme", analysis={"channels": "See the Bolt Business Model Canvas.",
                                                      "key_partners": "Bolt is a partner."})
    bolt = make_canvas("bolt", name="Bolt")
    sections = analysis_sections(acme, [], analysis_context([acme, bolt]))
    assert BeautifulSoup(section(sections, "channels").html, "html.parser").a.get_text() == "Bolt Business Model Canvas"
    assert BeautifulSoup(section(sections, "key_partners").html, "html.parser").a.get_text() == "Bolt"


def test_mentions_inside_existing_links_and_of_the_page_itself_stay_unlinked():
    acme = make_canvas("acme", name="Acme", analysis={
        "channels": "Acme copies [what Bolt does](https://example.com/bolt). Bolt and Acme both sell phones."})
    bolt = make_canvas("bolt", name="Bolt")
    html = section(analysis_sections(acme, [], analysis_context([acme, bolt])), "channels").html
    links = [(a.get_text(), a["href"]) for a in BeautifulSoup(html, "html.parser").find_all("a")]
    assert links == [("what Bolt does", "https://example.com/bolt"), ("Bolt", "/canvas/bolt/")]


def test_names_are_whole_words_and_parenthesised_names_have_aliases():
    acme = make_canvas("acme", name="Acme", analysis={"channels": "Metadata is not Meta; Zara is Inditex."})
    canvases = [acme, make_canvas("meta", name="Meta"), make_canvas("inditex", name="Inditex (Zara)")]
    html = section(analysis_sections(acme, [], analysis_context(canvases)), "channels").html
    links = [(a.get_text(), a["href"]) for a in BeautifulSoup(html, "html.parser").find_all("a")]
    assert links == [("Meta", "/canvas/meta/"), ("Zara", "/canvas/inditex/")]


# The real gallery, built once for the session.

@pytest.fixture(scope="module")
def canvas_pages(gallery_site):
    return {path.parent.name: parsed(path)
            for path in sorted((gallery_site / "canvas").glob("*/index.html"))}


def shingles(page) -> set:
    text = re.sub(r"“[^”]*”", "ITEM", " ".join(p.get_text() for p in generated_paragraphs(page)))
    words = re.findall(r"[\w'’&+.-]+", text.lower())
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def test_no_two_pages_share_more_than_a_fifth_of_generated_shingles(canvas_pages):
    sets = {slug: shingles(page) for slug, page in canvas_pages.items()}
    assert all(sets.values()), "every page has generated text"
    sets = {slug: found for slug, found in sets.items() if len(found) >= MIN_SHINGLES}
    assert len(sets) >= MIN_COMPARED_PAGES, "enough pages have enough generated text to compare"
    worst = max(
        (len(sets[a] & sets[b]) / len(sets[a] | sets[b]), a, b)
        for a, b in itertools.combinations(sorted(sets), 2)
    )
    assert worst[0] <= MAX_SHARED_SHINGLES, worst


def generated_paragraphs(page) -> list:
    return [p for p in page.select(".analysis p") if p.find_parent(attrs={"data-generated": True})]


def generated_sentences(page) -> list[str]:
    return sentences(" ".join(p.get_text() for p in generated_paragraphs(page)))


def frame(sentence: str, names: re.Pattern) -> str:
    """A sentence with company names and numbers masked: what a template leaves the same."""
    return re.sub(r"\d[\d,.]*", "N", names.sub("NAME", sentence))


def test_no_generated_sentence_frame_recurs_on_many_pages(canvas_pages):
    names = sorted({page.find("h1")["data-name"] for page in canvas_pages.values()}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(name) for name in names))
    pages_with = collections.Counter(frame_ for page in canvas_pages.values()
                                     for frame_ in {frame(s, pattern) for s in generated_sentences(page)})
    sentence, pages = pages_with.most_common(1)[0]
    assert pages <= max(1, MAX_PAGES_PER_FRAME * len(canvas_pages)), (pages, sentence)


# What generated text used to get wrong: seams, stock frames, and guesses the items do not support.
COUNTER_EXAMPLES = ("The block also lists", "Further entries cover", "The list goes on with", "The closest match is in",
                    "buying for themselves", "consumer taste", "Retail outlets carry", "pays chiefly for",
                    "further core activity", "'s's", "is one of the canvases filed under", "It competes on price")


def test_generated_text_has_none_of_the_known_counter_examples(canvas_pages):
    for slug, page in canvas_pages.items():
        text = " ".join(generated_sentences(page))
        assert not [phrase for phrase in COUNTER_EXAMPLES if phrase in text], slug


def test_a_page_carries_at_most_eight_generated_sentences(canvas_pages):
    counts = {slug: len(generated_sentences(page)) for slug, page in canvas_pages.items()}
    assert max(counts.values()) <= MAX_GENERATED, max(counts.items(), key=lambda item: item[1])


def test_analysis_has_an_introduction_and_marks_generated_sections(canvas_pages):
    for slug, page in canvas_pages.items():
        analysis = page.select_one(".analysis")
        assert analysis.select_one('[data-analysis="introduction"][data-generated] p'), slug
        assert analysis.select('section[data-analysis]:not([data-generated])'), slug  # every seed has editor prose


def test_mention_links_in_the_gallery_point_to_canvases_once_per_section(canvas_pages):
    linked_pages = 0
    for slug, page in canvas_pages.items():
        for part in page.select(".analysis [data-analysis]"):
            targets = [a["href"] for a in part.find_all("a") if "/canvas/" in a["href"]]
            assert len(targets) == len(set(targets)), (slug, part["data-analysis"])
            assert all(href.rstrip("/").rsplit("/", 1)[-1] in canvas_pages for href in targets), slug
            assert f"/canvas/{slug}/" not in targets, slug
            linked_pages += bool(targets)
    assert linked_pages > len(canvas_pages)


def test_a_fee_is_not_a_commission_unless_the_canvas_says_so():
    assert "commissions" not in revenue_models(make_canvas("alpha", revenue_streams=["Checked and cabin bag fees"]))
    assert "commissions" in revenue_models(make_canvas("alpha", revenue_streams=["Agency commissions from hotels"]))


@pytest.mark.parametrize("name, owned", [("Xiaomi", "Xiaomi's"), ("Siemens", "Siemens'"),
                                         ("McDonald's", "McDonald's")])
def test_possessives_of_names(name, owned):
    assert possessive(name) == owned


def test_a_name_at_the_start_of_an_item_keeps_its_capital():
    lexicon = Lexicon.from_canvases([make_canvas("acme", key_partners=["Battery makers such as Panasonic"])])
    assert lexicon.in_sentence("Panasonic, LG Energy Solution and CATL").startswith("Panasonic")
    assert lexicon.in_sentence("Continental tyres").startswith("Continental")


def test_linked_paragraphs_match_what_elementtree_makes_of_them():
    """Generated paragraphs are linked as strings (Mentions.linked_html); read back, the HTML must be the
    elements and text that linking an element with ElementTree gives: no name or URL escapes its place."""
    import xml.etree.ElementTree as ET

    from canvas_gallery.writeup.mentions import Mentions

    canvases = [make_canvas("tom", name="Tom & Jerry's"), make_canvas("acme", name="Acme <Labs>"),
                make_canvas("zara", name="Inditex (Zara)"), make_canvas("own", name="Own Co")]
    mentions = Mentions.from_canvases(canvases, {c.slug: f'/canvas/{c.slug}/?a=1&b="2">' for c in canvases})
    texts = ["Tom & Jerry's sells beside Acme <Labs>, Zara and Inditex; Tom & Jerry's again, and Own Co.",
             "Nothing to link here: <script>alert(1)</script> & more.",
             "The Acme <Labs> Business Model Canvas, then Zara's stores.", ""]
    for text in texts:
        paragraph = ET.Element("p")
        paragraph.text = text
        mentions.link(paragraph, "own")
        read_back = ET.fromstring(f"<p>{mentions.linked_html(text, 'own')}</p>")
        assert ET.tostring(read_back, encoding="unicode") == ET.tostring(paragraph, encoding="unicode")
    assert mentions.linked_html(texts[0], "own").count("<a ") == 3  # each company once, never the page's own


def test_the_sentence_splitter_keeps_names_with_initials_and_abbreviations_whole():
    text = "Where D.R. Horton lists “a”, Warner Bros. Discovery lists “b”. C.H. Robinson grew. Yum! Brands did not."
    assert sentences(text) == ["Where D.R. Horton lists “a”, Warner Bros. Discovery lists “b”.", "C.H. Robinson grew.",
                               "Yum! Brands did not."]

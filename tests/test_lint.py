"""The canvas linter: each rule flags a bad seed with file, line and rule, and leaves a good one alone."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import FIXTURES, ROOT, SEEDS

from canvas_gallery.lint.rules import ERROR, WARNING, errors_in, lint_canvases
from canvas_gallery.load.seeds import load_gallery

TODAY = datetime.date(2025, 6, 1)

GOOD = """\
name: Example Co
industry: consumer-goods
summary: Example Co sells refillable kitchen sponges by subscription to households in Norway.
updated: 2025-05-01
blocks:
  key_partners: [Cellulose mill in Sweden, Postal service for letterbox delivery]
  key_activities: [Sponge design, Subscription billing]
  key_resources: [Patent on the refill clip, Customer list of 40000 households]
  value_propositions: [A fresh sponge every month without a shop visit]
  customer_relationships: [Self-service account page]
  channels: [Own web shop]
  customer_segments: [Households in Norwegian cities]
  cost_structure: [Cellulose purchases, Postage]
  revenue_streams: [Monthly subscription fee]
"""

FIGURES = """\
figures:
  - block: revenue_streams
    caption: Revenue by plan
    year: 2024
    source: Example Co annual report 2024
    columns: [Plan, Revenue (NOK m), Share of revenue (%)]
    rows:
      - [Monthly, 30.0, 60]
      - [Yearly, 20.0, 40]
"""


def lint_seed(tmp_path: Path, text: str, others: dict[str, str] | None = None) -> list[str]:
    """Write the seed (and any others) into a fresh seeds folder, load it, lint it; findings as printed."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "seeds" / "industries.yaml", seeds)
    shutil.copy(FIXTURES / "seeds" / "patterns.yaml", seeds)
    (seeds / "example.yaml").write_text(text)
    for slug, other in (others or {}).items():
        (seeds / f"{slug}.yaml").write_text(other)
    gallery = load_gallery(seeds)
    # The example seeds name no pattern on purpose: missing-patterns has its own test (test_patterns.py).
    return [str(finding) for finding in lint_canvases(gallery.canvases, today=TODAY) if finding.rule != "missing-patterns"]


def with_items(block: str, items: str) -> str:
    lines = [line for line in GOOD.splitlines(keepends=True) if not line.startswith(f"  {block}:")]
    index = lines.index("blocks:\n") + 1
    return "".join(lines[:index] + [f"  {block}: {items}\n"] + lines[index:])


def test_good_seed_has_no_findings(tmp_path):
    assert lint_seed(tmp_path, GOOD + FIGURES) == []


# duplicate-item / near-duplicate-item

def test_duplicate_item_in_one_block_is_an_error(tmp_path):
    [finding] = lint_seed(tmp_path, with_items("channels", "[Own web shop, own web shop.]"))
    assert finding.startswith("seeds/example.yaml:6: duplicate-item: error: 'own web shop.' repeats 'Own web shop'")


def test_same_item_in_two_blocks_is_a_warning(tmp_path):
    [finding] = lint_seed(tmp_path, with_items("key_activities", "[Own web shop, Sponge design]"))
    assert "duplicate-item: warning: 'Own web shop' repeats 'Own web shop' in Key Activities" in finding


def test_near_duplicate_items_are_a_warning(tmp_path):
    [finding] = lint_seed(tmp_path, with_items("key_activities", "[Design of sponges, Sponge designs]"))
    assert "near-duplicate-item: warning: 'Sponge designs' says almost the same as 'Design of sponges'" in finding


def test_different_items_that_share_words_are_not_duplicates(tmp_path):
    text = with_items("key_activities", "[Sponge design, Sponge recycling, Subscription billing]")
    assert lint_seed(tmp_path, text) == []


# generic-item / placeholder-item

def test_generic_item_alone_is_an_error(tmp_path):
    [finding] = lint_seed(tmp_path, with_items("key_partners", "[Partners, Cellulose mill in Sweden]"))
    assert finding.startswith("seeds/example.yaml:6: generic-item: error: 'Partners' alone says nothing about Example Co")


def test_generic_item_with_a_qualifier_is_still_generic(tmp_path):
    [finding] = lint_seed(tmp_path, with_items("customer_segments", "[Key customers.]"))
    assert "generic-item: error: 'Key customers.'" in finding


def test_stock_phrase_is_a_warning(tmp_path):
    [finding] = lint_seed(tmp_path, with_items("cost_structure", "[Sales and marketing, Postage]"))
    assert "generic-item: warning: 'Sales and marketing' could describe any company" in finding


def test_specific_item_containing_a_generic_word_is_fine(tmp_path):
    text = with_items("cost_structure", "[Marketing on Norwegian radio, Postage]")
    assert lint_seed(tmp_path, text) == []


def test_placeholder_item_is_an_error(tmp_path):
    [finding] = lint_seed(tmp_path, with_items("channels", '["TODO: fill in"]'))
    assert "placeholder-item: error: 'TODO: fill in' is a placeholder" in finding


# share-sum

def test_share_column_that_does_not_sum_to_100_is_an_error(tmp_path):
    [finding] = lint_seed(tmp_path, GOOD + FIGURES.replace("[Yearly, 20.0, 40]", "[Yearly, 20.0, 30]"))
    assert finding.startswith("seeds/example.yaml:16: share-sum: error: 'Revenue by plan': the column "
                              "'Share of revenue (%)' claims a share but adds up to 90 %")


def test_share_column_with_rounding_is_fine(tmp_path):
    text = GOOD + FIGURES.replace("[Monthly, 30.0, 60]", "[Monthly, 30.0, 60.4]").replace(
        "[Yearly, 20.0, 40]", "[Yearly, 20.0, \"40.1 %\"]")
    assert lint_seed(tmp_path, text) == []


def test_percentage_column_that_is_not_a_share_is_not_summed(tmp_path):
    text = GOOD + FIGURES.replace("Share of revenue (%)", "Growth (%)").replace("[Yearly, 20.0, 40]", "[Yearly, 20.0, 5]")
    assert lint_seed(tmp_path, text) == []


def test_share_per_year_is_a_time_series_and_not_summed(tmp_path):
    figure = ("figures:\n  - block: customer_segments\n    caption: Market share\n    year: 2024\n"
              "    source: Nordic retail panel\n    columns: [Year, Market share (%)]\n    rows:\n"
              "      - [2023, 12]\n      - [2024, 14]\n")
    assert lint_seed(tmp_path, GOOD + figure) == []


# figure-year / figure-source

def test_figure_without_a_usable_source_is_an_error(tmp_path):
    [finding] = lint_seed(tmp_path, GOOD + FIGURES.replace("Example Co annual report 2024", "n/a"))
    assert finding.startswith("seeds/example.yaml:16: figure-source: error: 'Revenue by plan' has no usable source")


def test_figure_with_year_zero_is_an_error(tmp_path):
    [finding] = lint_seed(tmp_path, GOOD + FIGURES.replace("year: 2024", "year: 0"))
    assert "figure-year: error: 'Revenue by plan' has no year" in finding


def test_figure_with_year_and_named_source_is_fine(tmp_path):
    assert lint_seed(tmp_path, GOOD + FIGURES) == []


# future-year

def test_figure_year_in_the_future_is_an_error(tmp_path):
    [finding] = lint_seed(tmp_path, GOOD + FIGURES.replace("year: 2024", "year: 2031"))
    assert finding.startswith("seeds/example.yaml:18: future-year: error: 'Revenue by plan' is dated 2031")


def test_row_year_in_the_future_is_an_error(tmp_path):
    figure = ("figures:\n  - block: revenue_streams\n    caption: Revenue by year\n    year: 2024\n"
              "    source: Example Co annual reports\n    columns: [Year, Revenue (NOK m)]\n    rows:\n"
              "      - [2024, 50]\n      - [2027, 80]\n")
    [finding] = lint_seed(tmp_path, GOOD + figure)
    assert finding.startswith("seeds/example.yaml:23: future-year: error: 'Revenue by year' has a row for 2027")


def test_founded_and_updated_in_the_future_are_errors(tmp_path):
    text = GOOD.replace("updated: 2025-05-01", "updated: 2025-07-01\nfounded: 2026")
    assert [f.split(": ")[1] for f in lint_seed(tmp_path, text)] == ["future-year", "future-year"]


def test_past_years_are_fine(tmp_path):
    text = GOOD.replace("updated: 2025-05-01", "updated: 2025-06-01\nfounded: 2025")
    assert lint_seed(tmp_path, text + FIGURES) == []


# contradictory-figures

SCALE = """\
  - block: key_resources
    caption: Scale of the business
    year: 2024
    source: Example Co annual report 2024
    columns: [Measure, Value]
    rows:
      - [Monthly revenue, NOK 30.0 m]
      - [Subscribers, "40,000"]
"""


def test_same_metric_and_year_with_different_values_is_an_error(tmp_path):
    [finding] = lint_seed(tmp_path, GOOD + FIGURES + SCALE.replace("NOK 30.0 m", "NOK 34.5 m"))
    assert finding.startswith("seeds/example.yaml:24: contradictory-figures: error: 'Scale of the business' gives "
                              "Monthly revenue for 2024 as 34.5, but 'Revenue by plan' gives 30")


def test_same_metric_and_year_with_the_same_value_is_fine(tmp_path):
    assert lint_seed(tmp_path, GOOD + FIGURES + SCALE) == []


def test_same_metric_in_different_years_is_not_a_contradiction(tmp_path):
    text = GOOD + FIGURES + SCALE.replace("NOK 30.0 m", "NOK 34.5 m").replace("year: 2024", "year: 2023")
    assert lint_seed(tmp_path, text) == []


def test_same_metric_in_different_currencies_is_not_compared(tmp_path):
    assert lint_seed(tmp_path, GOOD + FIGURES + SCALE.replace("NOK 30.0 m", "USD 2.8 m")) == []


# shared-prose

ANALYSIS = """\
analysis:
  value_propositions: |
    {name} removes an errand nobody enjoys. The refill arrives before the old sponge turns grey.
"""


def other_canvas(name: str, sentence: str) -> str:
    text = GOOD.replace("Example Co", name).replace("sponges by subscription", "brushes by post")
    return text + f"analysis:\n  revenue_streams: |\n    {sentence}\n"


def test_sentence_shared_with_another_canvas_is_an_error(tmp_path):
    others = {"brushco": other_canvas("Brush Co", "The refill arrives before the old sponge turns grey.")}
    findings = lint_seed(tmp_path, GOOD + ANALYSIS.format(name="Example Co"), others)
    assert any(finding.startswith("seeds/example.yaml:16: shared-prose: error: the sentence 'The refill arrives "
                                  "before the old sponge turns grey.' also appears in seeds/brushco.yaml")
               for finding in findings)


def test_boilerplate_with_only_the_company_name_changed_is_an_error(tmp_path):
    others = {"brushco": other_canvas("Brush Co", "Brush Co removes an errand nobody enjoys, as it happens.")}
    text = GOOD + ANALYSIS.format(name="Example Co").replace("enjoys.", "enjoys, as it happens.")
    assert any("shared-prose: error" in finding for finding in lint_seed(tmp_path, text, others))


def test_own_sentences_and_short_common_phrases_are_fine(tmp_path):
    others = {"brushco": other_canvas("Brush Co", "Margins are thin. Brush Co sells to hotels in Bergen first.")}
    text = GOOD + ANALYSIS.format(name="Example Co") .replace("errand nobody enjoys.", "errand. Margins are thin.")
    assert lint_seed(tmp_path, text, others) == []


def test_a_sentence_frame_on_more_canvases_than_allowed_is_an_error(tmp_path):
    """The same template with other names and numbers: two canvases may share it, the third is told."""
    others = {slug: other_canvas(name, f"Unlike {rival}, {name} charges {n} crowns for each refill it posts.")
              for slug, name, rival, n in (("brushco", "Brush Co", "Tesco", 20), ("mopco", "Mop Co", "Lidl", 30))}
    text = GOOD + "analysis:\n  revenue_streams: |\n    Unlike Aldi, Example Co charges 25 crowns for each refill it posts.\n"
    findings = lint_seed(tmp_path, text, others)
    assert [f for f in findings if "shared-frame: error" in f] == [
        "seeds/mopco.yaml:16: shared-frame: error: the sentence 'Unlike Lidl, Mop Co charges 30 crowns for each "
        "refill it posts.' follows the same pattern as sentences in seeds/brushco.yaml, seeds/example.yaml; say it "
        "in a way only this canvas would"]


def test_a_frame_on_two_canvases_is_fine(tmp_path):
    others = {"brushco": other_canvas("Brush Co", "Unlike Tesco, Brush Co charges 20 crowns for each refill it posts.")}
    text = GOOD + "analysis:\n  revenue_streams: |\n    Unlike Aldi, Example Co charges 25 crowns for each refill it posts.\n"
    assert not [f for f in lint_seed(tmp_path, text, others) if "shared-frame" in f]


def test_figures_more_than_two_years_older_than_the_check_are_a_warning(tmp_path):
    stale = (GOOD + FIGURES).replace("year: 2024", "year: 2022")
    assert lint_seed(tmp_path, stale) == [
        "seeds/example.yaml:4: stale-figures: warning: updated 2025-05-01, but the newest figure is from 2022; bring "
        "the figures to the latest published fiscal year, or set 'updated' to when they were checked"]
    (tmp_path / "fresh").mkdir()
    assert lint_seed(tmp_path / "fresh", (GOOD + FIGURES).replace("year: 2024", "year: 2023")) == []


# the real seeds and the commands

def test_real_seeds_have_no_lint_errors():
    findings = lint_canvases(load_gallery(SEEDS).canvases)
    assert [str(finding) for finding in errors_in(findings)] == []


def test_every_real_canvas_names_its_patterns():
    """missing-patterns stays a warning for drafts and new contributions; the gallery itself has none."""
    findings = lint_canvases(load_gallery(SEEDS).canvases)
    assert [str(finding) for finding in findings if finding.rule == "missing-patterns"] == []


def test_a_summary_phrase_on_too_many_canvases_is_a_warning(tmp_path):
    """Summaries stand side by side on the listing pages; a turn most of them share reads as a stamp."""
    def summary(text: str) -> str:
        return GOOD.replace(
            "Example Co sells refillable kitchen sponges by subscription to households in Norway.", text)
    findings = lint_seed(tmp_path, summary("Example Co mails sponges to flats and survives if buyers stay."), {
        "bolt": summary("Bolt grinds coffee for offices and survives if the machines keep running.")
                .replace("Example Co", "Bolt"),
        "cask": summary("Cask ages whisky in rented sheds and survives if the casks hold.").replace("Example Co", "Cask"),
    })
    assert findings == [
        "seeds/example.yaml:3: summary-phrase: warning: the summary's 'and survives if' also stands in 2 other "
        "summaries, among them seeds/bolt.yaml; the summaries stand side by side, so say it in this canvas's own way"
    ]


def test_an_analysis_opening_on_too_many_canvases_is_a_warning(tmp_path):
    """A visitor reads one block's analysis canvas after canvas; the same opening each time reads as a stamp."""
    rests = {
        "alder": "bill at Alder, since every sponge is cut and packed by hand in a small workshop near Oslo.",
        "birch": "bill at Birch, whose engineers spend two years on each refill clip before it ships anywhere.",
        "cedar": "bill at Cedar, where a call centre answers households in four languages through the night.",
        "example": "bill here, because the subscription desk answers letters and calls from every customer.",
    }

    def seed(slug: str) -> str:
        name = "Example Co" if slug == "example" else slug.title()
        return GOOD.replace("Example Co", name) + f"analysis:\n  cost_structure: People are the largest {rests[slug]}\n"
    findings = lint_seed(tmp_path, seed("example"), {slug: seed(slug) for slug in ("alder", "birch", "cedar")})
    assert [finding for finding in findings if "analysis-opening" in finding] == [
        "seeds/example.yaml:16: analysis-opening: warning: the Cost Structure analysis opens with 'people are the', "
        "as it does on 3 other canvases, among them seeds/alder.yaml; open it in this canvas's own way"
    ]


def test_real_analysis_shares_no_stock_opening():
    findings = lint_canvases(load_gallery(SEEDS).canvases)
    assert [str(finding) for finding in findings if finding.rule == "analysis-opening"] == []


def test_real_summaries_share_no_stock_phrase():
    findings = lint_canvases(load_gallery(SEEDS).canvases)
    assert [str(finding) for finding in findings if finding.rule == "summary-phrase"] == []


def test_fixture_seeds_have_no_lint_errors():
    findings = lint_canvases(load_gallery(FIXTURES / "seeds", include_drafts=True).canvases)
    assert [str(finding) for finding in errors_in(findings)] == []


def test_every_finding_has_a_known_severity():
    findings = lint_canvases(load_gallery(SEEDS, include_drafts=True).canvases)
    assert {finding.severity for finding in findings} <= {ERROR, WARNING}


def invoke(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT, capture_output=True, text=True)


def test_invoke_lint_prints_file_line_rule_message_and_fails_on_errors(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "seeds" / "industries.yaml", seeds)
    shutil.copy(FIXTURES / "seeds" / "patterns.yaml", seeds)
    (seeds / "example.yaml").write_text(with_items("key_partners", "[Partners, Cellulose mill in Sweden]"))
    result = invoke("lint", "--seeds", str(seeds))
    assert result.returncode != 0
    assert "seeds/example.yaml:6: generic-item: error: 'Partners' alone" in result.stdout + result.stderr


def test_build_stops_on_lint_errors_and_keeps_no_site(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "seeds" / "industries.yaml", seeds)
    shutil.copy(FIXTURES / "seeds" / "patterns.yaml", seeds)
    (seeds / "example.yaml").write_text(with_items("channels", "[Own web shop, Own web shop]"))
    output = tmp_path / "output"
    result = invoke("build", "--output", str(output), "--seeds", str(seeds))
    assert result.returncode != 0
    assert "duplicate-item: error" in result.stderr
    assert not output.exists()


def test_build_lists_lint_warnings_and_succeeds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "seeds" / "industries.yaml", seeds)
    shutil.copy(FIXTURES / "seeds" / "patterns.yaml", seeds)
    (seeds / "example.yaml").write_text(with_items("cost_structure", "[Sales and marketing, Postage]"))
    output = tmp_path / "output"
    result = invoke("build", "--output", str(output), "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    assert "generic-item: warning: 'Sales and marketing'" in result.stdout + result.stderr
    assert (output / "canvas" / "example" / "index.html").exists()


@pytest.mark.parametrize("drafts", [False, True])
def test_lint_checks_drafts_only_when_asked(tmp_path, drafts):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "seeds" / "industries.yaml", seeds)
    shutil.copy(FIXTURES / "seeds" / "patterns.yaml", seeds)
    (seeds / "example.yaml").write_text(with_items("key_partners", "[Partners]") + "draft: true\n")
    result = invoke("lint", "--seeds", str(seeds), *(["--drafts"] if drafts else []))
    assert (result.returncode != 0) == drafts


def test_a_failures_figures_may_date_from_the_last_years_of_its_model(tmp_path):
    failed = (GOOD + FIGURES).replace("updated: 2025-05-01", "updated: 2025-05-01\nended: 2019")
    assert lint_seed(tmp_path, failed.replace("year: 2024", "year: 2018")) == []
    (tmp_path / "older").mkdir()
    [warning] = lint_seed(tmp_path / "older", failed.replace("year: 2024", "year: 2016"))
    assert "stale-figures: warning" in warning and "newest figure is from 2016" in warning


def test_a_business_types_survey_figures_may_lag_five_years(tmp_path):
    kind = (GOOD + FIGURES).replace("name: Example Co", "name: Sponge shop\nkind: business-type").replace(
        "source: Example Co annual report 2024", "source: Sponge Retailers Association survey")
    assert lint_seed(tmp_path, kind.replace("year: 2024", "year: 2020")) == []
    (tmp_path / "older").mkdir()
    [warning] = lint_seed(tmp_path / "older", kind.replace("year: 2024", "year: 2019"))
    assert "stale-figures: warning" in warning


def test_a_model_that_ended_in_the_future_is_an_error(tmp_path):
    text = GOOD.replace("updated: 2025-05-01", "updated: 2025-05-01\nended: 2026")
    assert lint_seed(tmp_path, text) == [
        "seeds/example.yaml:5: future-year: error: ended in 2026, which is later than this year"]

"""Read YAML into plain Python values while remembering the line of every field.

PyYAML's ``safe_load`` forgets where values came from; editors need ``seeds/acme.yaml:14`` in
every message, so we compose the node tree ourselves and keep a path -> line map.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MERGE_TAG = "tag:yaml.org,2002:merge"


class YamlProblem(Exception):
    """Invalid YAML or a duplicate key, with the 1-based line where it was found."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class LocatedDocument:
    value: object
    lines: dict[tuple, int] = field(default_factory=dict)


def load_located(text: str, max_depth: int | None = None) -> LocatedDocument:
    """Parse one YAML document; raise YamlProblem with a line number when it is not valid, uses anchors or
    aliases, or nests lists and mappings more than ``max_depth`` levels deep (setting CANVAS_MAX_YAML_DEPTH)."""
    try:
        if "&" in text or "*" in text:  # no anchor or alias can be written without one of them
            _refuse_anchors(text)
        root = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message = f"invalid YAML: {error.problem or error}"
        if error.context and error.context_mark and error.context_mark is not mark:
            message += f" ({error.context} that starts on line {error.context_mark.line + 1})"
        raise YamlProblem(line, message) from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, f"invalid YAML: {error}") from None
    document = LocatedDocument(None)
    if root is not None:
        # A fresh constructor per document: it caches every node it has built.
        document.value = _convert(root, (), document.lines, yaml.constructor.SafeConstructor(), max_depth)
    return document


def _refuse_anchors(text: str) -> None:
    """Stop at the first anchor or alias, reading libyaml's events: before any node is built, so that an
    alias bomb (lists of aliases of lists of aliases) costs no more than its own few bytes."""
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(event.start_mark.line + 1,
                                  f"aliases ('*{event.anchor}') are not allowed in a seed; write the value out in full")
            if getattr(event, "anchor", None) is not None:
                raise YamlProblem(event.start_mark.line + 1,
                                  f"anchors ('&{event.anchor}') are not allowed in a seed; remove it and write "
                                  f"each value out in full")
    except yaml.YAMLError:
        return  # invalid YAML: composing it below words the error, with its line


def _compose(text: str):
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError as fast_error:
        # libyaml composes 15x faster, but PyYAML's own parser words its errors more clearly.
        try:
            return yaml.compose(text, Loader=yaml.SafeLoader)
        except RecursionError:  # nesting libyaml refused as too deep: its own error has the line
            raise fast_error from None


def _convert(node, path: tuple, lines: dict, constructor, max_depth: int | None) -> object:
    lines[path] = node.start_mark.line + 1
    if max_depth is not None and len(path) >= max_depth and not isinstance(node, yaml.ScalarNode):
        raise YamlProblem(node.start_mark.line + 1,
                          f"lists and mappings nest more than {max_depth} levels deep here, deeper than a seed "
                          f"ever needs (CANVAS_MAX_YAML_DEPTH={max_depth}); write items as plain text")
    if isinstance(node, yaml.MappingNode):
        mapping = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                raise YamlProblem(key_node.start_mark.line + 1,
                                  "merge keys ('<<: *name') are not supported; write the fields out in full")
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, "a key must be plain text, not a list or mapping")
            key = constructor.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in mapping:
                raise YamlProblem(key_node.start_mark.line + 1, f"duplicate key '{key}': keep only one of them")
            mapping[key] = _convert(value_node, path + (key,), lines, constructor, max_depth)
            # A key's own line is more useful than its value's when the value spans lines.
            lines[path + (key,)] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (index,), lines, constructor, max_depth)
                for index, child in enumerate(node.value)]
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as error:
        raise YamlProblem(node.start_mark.line + 1, f"invalid value: {error.problem}") from None
    except ValueError as error:  # e.g. a number of more digits than Python converts
        raise YamlProblem(node.start_mark.line + 1, f"invalid value: {str(error).split(';')[0]}") from None

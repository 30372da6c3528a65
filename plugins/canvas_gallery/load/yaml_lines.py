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


def load_located(text: str) -> LocatedDocument:
    """Parse one YAML document; raise YamlProblem with a line number when it is not valid."""
    try:
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
        document.value = _convert(root, (), document.lines, yaml.constructor.SafeConstructor())
    return document


def _compose(text: str):
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        # libyaml composes much faster, but PyYAML's own parser words its errors more clearly.
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _convert(node, path: tuple, lines: dict, constructor) -> object:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                raise YamlProblem(key_node.start_mark.line + 1,
                                  "merge keys ('<<: *name') are not supported; write the fields out in full")
            key = constructor.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in mapping:
                raise YamlProblem(key_node.start_mark.line + 1, f"duplicate key '{key}': keep only one of them")
            mapping[key] = _convert(value_node, path + (key,), lines, constructor)
            # A key's own line is more useful than its value's when the value spans lines.
            lines[path + (key,)] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (index,), lines, constructor) for index, child in enumerate(node.value)]
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as error:
        raise YamlProblem(node.start_mark.line + 1, f"invalid value: {error.problem}") from None

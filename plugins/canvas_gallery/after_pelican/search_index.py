"""Make Pagefind's search bundle byte-identical from build to build.

Pagefind 1.5 writes each filter's values in hash-map order, which changes from run to run (its own
source says so: "Change filter indexes to BTree to give them a stable hash"). Two builds of the same
seeds must give the same files, so after ``python -m pagefind_bin`` this step rewrites each filter
file with its values sorted, names it after its new content, and updates the metadata file and
``pagefind-entry.json`` that point to it. The words index and the page fragments are already stable.

Pagefind's files are gzip-compressed: the 12 bytes ``pagefind_dcd`` and then one CBOR value.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
# Positions in the metadata array: [version, pages, index chunks, filters, sorts, ...].
META_FILTERS = 3


# CBOR, only the parts Pagefind writes: unsigned and negative integers, byte and text strings,
# arrays, maps, true/false/null. Lengths use the shortest form, as Pagefind's encoder does.
def _decode(data: bytes, at: int = 0):
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        argument = info
    elif info <= 27:
        size = 1 << (info - 24)
        argument = int.from_bytes(data[at:at + size], "big")
        at += size
    else:
        raise ValueError(f"CBOR item 0x{head:02x} is not one Pagefind writes")
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        raw = data[at:at + argument]
        return (bytes(raw) if major == 2 else raw.decode("utf-8")), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(argument):
            key, at = _decode(data, at)
            mapping[key], at = _decode(data, at)
        return mapping, at
    if major == 7 and argument in (20, 21, 22):
        return {20: False, 21: True, 22: None}[argument], at
    raise ValueError(f"CBOR item 0x{head:02x} is not one Pagefind writes")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError(f"{argument} is too large for CBOR")


def _encode(value) -> bytes:
    if value is None or isinstance(value, bool):
        return bytes([0xF6 if value is None else 0xF5 if value else 0xF4])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value.items())
    raise TypeError(f"cannot encode {type(value).__name__} as CBOR")


def read_bundle_file(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind file")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise ValueError(f"{path}: unexpected bytes after the CBOR value")
    return value


def bundle_bytes(value) -> tuple[bytes, str]:
    """The gzip file for a value (fixed header, so the same value gives the same bytes) and its content hash."""
    body = _encode(value)
    return gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0), hashlib.sha256(body).hexdigest()


def _replace(old: Path, new: Path, content: bytes) -> None:
    new.write_bytes(content)
    if old != new:
        old.unlink()


def stabilise_bundle(bundle: Path) -> None:
    """Sort every filter's values (and the filters) in the Pagefind bundle folder, renaming what changes."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_bundle_file(meta_path)
        filters = []
        for name, filter_hash in meta[META_FILTERS]:
            filter_path = bundle / "filter" / f"{filter_hash}.pf_filter"
            filter_name, values = read_bundle_file(filter_path)
            content, digest = bundle_bytes([filter_name, sorted(values, key=lambda value: value[0])])
            new_hash = f"{language}_{digest[:7]}"
            _replace(filter_path, bundle / "filter" / f"{new_hash}.pf_filter", content)
            filters.append([name, new_hash])
        meta[META_FILTERS] = sorted(filters)
        content, digest = bundle_bytes(meta)
        info["hash"] = f"{language}_{digest[:10]}"
        _replace(meta_path, bundle / f"pagefind.{info['hash']}.pf_meta", content)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

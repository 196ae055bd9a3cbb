"""Shared tree-sitter-swift helpers for the iOS checks (ios_bindings,
ios_strings, ios_privacy): loading the grammar, reading a Swift file the
way parse_sources.py does, and listing the app's Swift sources."""

import pathlib
import sys

import tree_sitter
import tree_sitter_swift

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from parse_sources import DOC_ATTRIBUTE_GUARD, UNIT_CLOSURE, blank  # noqa: E402

SWIFT = tree_sitter.Language(tree_sitter_swift.language())
PARSER = tree_sitter.Parser(SWIFT)

# The Swift the bindgen writes into the package at build time (gitignored);
# the checks read the copy generated from the current library instead.
GENERATED = pathlib.PurePosixPath("KeelCore/Sources/KeelCore/KeelCore.swift")
SKIP_DIRS = {"build", ".build", "DerivedData"}


def parse(source):
    """(bytes, tree) for a Swift source given as bytes."""
    source = DOC_ATTRIBUTE_GUARD.sub(blank, source)
    source = UNIT_CLOSURE.sub(b"= { }", source)
    return source, PARSER.parse(source)


def app_sources(ios_root):
    """Every Swift file under ios/ the app's developers write, sorted."""
    ios_root = pathlib.Path(ios_root)
    found = []
    for path in sorted(ios_root.rglob("*.swift")):
        rel = path.relative_to(ios_root)
        if SKIP_DIRS.intersection(rel.parts) or rel.as_posix() == str(GENERATED):
            continue
        found.append(path)
    return found


def text(source, node):
    if node is None:  # a field missing from an unusual (or broken) tree
        return ""
    return source[node.start_byte:node.end_byte].decode("utf-8", "replace")


def walk(node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def line(node):
    return node.start_point[0] + 1

"""Syntax-parse every Swift and Kotlin source under the given folders.

There is no Swift toolchain or Android SDK on the machines that run the
suite, so the generated Swift bindings and the shells' sources are checked
with tree-sitter grammars instead: a file passes when its tree has no ERROR
or MISSING node. Prints one line per failing file (with the first bad
position) and a closing "parsed N files, M with errors".
"""

import pathlib
import re
import sys

import tree_sitter
import tree_sitter_kotlin
import tree_sitter_swift

GRAMMARS = {
    ".swift": tree_sitter.Language(tree_sitter_swift.language()),
    ".kt": tree_sitter.Language(tree_sitter_kotlin.language()),
    ".kts": tree_sitter.Language(tree_sitter_kotlin.language()),
}
SKIP_DIRS = {"build", ".gradle", ".build", "DerivedData", "node_modules"}

# tree-sitter-swift 0.7 cannot parse a compiler-version `#if` wrapped around
# an attribute, which uniffi's generated Swift uses to hide internals from
# DocC. The block is valid Swift; it is blanked out (keeping line numbers) so
# the rest of the file is still checked.
DOC_ATTRIBUTE_GUARD = re.compile(
    rb"^[ \t]*#if swift\(>=5\.8\)\n[ \t]*@_documentation\(visibility: private\)\n[ \t]*#endif$",
    re.MULTILINE,
)

# tree-sitter-swift 0.7 also fails on a closure whose body is the empty
# tuple, `{ () }`, which uniffi writes for the return of a foreign trait
# method that returns nothing (`Progress.onProgress`). It is valid Swift
# and the same as `{ }`, which the grammar reads.
UNIT_CLOSURE = re.compile(rb"= \{ \(\) \}$", re.MULTILINE)


def blank(match):
    return b"\n" * match.group(0).count(b"\n")


def first_error(node):
    """The first ERROR or MISSING node in document order, or None."""
    if node.is_error or node.is_missing:
        return node
    if not node.has_error:
        return None
    for child in node.children:
        found = first_error(child)
        if found is not None:
            return found
    return node


def sources(roots):
    for root in roots:
        root = pathlib.Path(root)
        if not root.exists():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix in GRAMMARS and not SKIP_DIRS.intersection(path.parts):
                yield path


def main(roots):
    parsers = {ext: tree_sitter.Parser(lang) for ext, lang in GRAMMARS.items()}
    total = 0
    bad = 0
    for path in sources(roots):
        total += 1
        source = path.read_bytes()
        if path.suffix == ".swift":
            source = DOC_ATTRIBUTE_GUARD.sub(blank, source)
            source = UNIT_CLOSURE.sub(b"= { }", source)
        tree = parsers[path.suffix].parse(source)
        node = first_error(tree.root_node)
        if node is not None:
            bad += 1
            row, col = node.start_point
            print(f"{path}:{row + 1}:{col + 1}: syntax error near {node.type}")
    print(f"parsed {total} files, {bad} with errors")
    return 1 if bad or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Check the iOS app's texts against its string catalog.

Proves, over the Swift sources under ios/ (tree-sitter-swift, comments and
strings told apart from code):
- every `Loc.text("key", args...)` names, as a string literal, a key of
  ios/App/Resources/Localizable.xcstrings that has both an English and a
  Spanish value, and passes as many arguments as the string has
  placeholders (in each language; `%%` is not one, positional `%2$@` counts
  its highest position);
- the committed catalog is what ios/scripts/make_string_catalog.py makes of
  the Android strings now (regenerated in memory and compared byte for byte);
- no view in ios/App shows a hard-coded text: no `Text`, `Button`, `Label`,
  `Toggle`, `TextField`, `SecureField`, `Section`, `Picker`, `Link`, `Menu`
  whose first, unlabelled argument is a string literal with a letter in it,
  and no `.navigationTitle`, `.accessibilityLabel`, `.accessibilityHint`,
  `.accessibilityValue`, `.alert`, `.confirmationDialog` likewise
  (`Text(verbatim:)` and literals without letters, such as "·", pass); the
  app's own views (`struct JournalText: View`) likewise, for their first
  unlabelled argument and `title:`, `label:`, `text:`, `message:`, ...

Limits: a key built at run time is reported as an error (the brief's rule
is a literal key), except inside `enum Loc` itself; a text that reaches a
view through a variable is not traced; argument types are not compared with
`%@`/`%lld`.

Usage: ios_strings.py REPO_ROOT — prints one line per problem and
"checked N localisation keys, K problems".
"""

import importlib.util
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import swift_tree  # noqa: E402
from swift_tree import line, text, walk  # noqa: E402

CATALOG = pathlib.Path("ios/App/Resources/Localizable.xcstrings")
LANGUAGES = ("en", "es")
VIEW_INITS = {"Text", "Button", "Label", "Toggle", "TextField", "SecureField", "Section", "Picker",
              "Link", "Menu"}
# The app's own views (`struct JournalText: View`) take texts too: their first
# unlabelled argument and these labels are checked like Text's.
TEXT_LABELS = {"title", "label", "text", "message", "heading", "hint", "caption", "subtitle"}
MODIFIERS = {"navigationTitle", "accessibilityLabel", "accessibilityHint", "accessibilityValue",
             "alert", "confirmationDialog"}
PLACEHOLDER = re.compile(r"%%|%(?:(\d+)\$)?[-#+ 0,]*\d*(?:\.\d+)?(?:lld|ld|hh|h|ll|l|q|z|t|j)?[@dDuUxXoOfFeEgGcCsSpaA]")


def placeholders(value):
    """How many arguments a format string takes."""
    count = 0
    highest = 0
    for m in PLACEHOLDER.finditer(value):
        if m.group(0) == "%%":
            continue
        if m.group(1):
            highest = max(highest, int(m.group(1)))
        else:
            count += 1
    return max(count, highest)


def values(entry, language):
    """Every text of one language of a catalog entry (plural forms too)."""
    loc = entry.get("localizations", {}).get(language)
    if not loc:
        return []
    found = []
    stack = [loc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            unit = node.get("stringUnit")
            if isinstance(unit, dict) and isinstance(unit.get("value"), str) and unit["value"]:
                found.append(unit["value"])
            stack.extend(v for k, v in node.items() if k != "stringUnit")
    return found


def load_generator(repo):
    path = repo / "ios/scripts/make_string_catalog.py"
    spec = importlib.util.spec_from_file_location("make_string_catalog", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def string_literal(source, node):
    """The text of a plain string literal node, or None if it is not one
    (or has interpolations)."""
    if node is None or node.type != "line_string_literal":
        return None
    if any(c.type == "interpolated_expression" for c in node.children):
        return None
    return "".join(text(source, c) for c in node.children if c.type in ("line_str_text", "str_escaped_char"))


def literal_letters(source, node):
    """Whether a string literal's own text (not its interpolations) has a letter."""
    if node is None or node.type not in ("line_string_literal", "multi_line_string_literal"):
        return False
    return any(c.type in ("line_str_text", "multi_line_str_text") and re.search(r"[^\W\d_]", text(source, c))
               for c in node.children)


def first_argument(source, call):
    """(label, value) of a call's first parenthesised argument."""
    suffix = next((c for c in call.children if c.type == "call_suffix"), None)
    args = next((c for c in suffix.children if c.type == "value_arguments"), None) if suffix else None
    if args is None:
        return None, None, []
    all_args = [a for a in args.children if a.type == "value_argument"]
    if not all_args:
        return None, None, all_args
    a = all_args[0]
    name = a.child_by_field_name("name")
    return (text(source, name) if name is not None else None), a.child_by_field_name("value"), all_args


def inside_loc(node, source):
    p = node.parent
    while p is not None:
        if p.type == "class_declaration":
            n = p.child_by_field_name("name")
            if n is not None and text(source, n) == "Loc":
                return True
        p = p.parent
    return False


def check(repo):
    repo = pathlib.Path(repo)
    problems = []
    keys = 0
    ios = repo / "ios"
    if not ios.is_dir():
        return ["ios/: no iOS sources"], 0
    if not (ios / "App").is_dir():
        problems.append("ios/App: no app sources")
    elif not any((ios / "App").rglob("*.swift")):
        problems.append("ios/App: no Swift sources")
    catalog_path = repo / CATALOG
    catalog = None
    if not catalog_path.exists():
        problems.append(f"{CATALOG}: missing")
    else:
        committed = catalog_path.read_text(encoding="utf-8")
        try:
            catalog = json.loads(committed)
        except ValueError as e:
            problems.append(f"{CATALOG}: not JSON ({e})")
        try:
            gen = load_generator(repo)
            fresh = gen.render(gen.build(repo))
            if fresh != committed:
                problems.append(f"{CATALOG}: out of date with the Android strings; run ios/scripts/make_string_catalog.py")
        except Exception as e:  # the generator's own failure is a failure here
            problems.append(f"{CATALOG}: could not be regenerated ({e})")
    strings = (catalog or {}).get("strings", {})
    app_views = set()
    for path in swift_tree.app_sources(ios):
        source, tree = swift_tree.parse(path.read_bytes())
        for node in walk(tree.root_node):
            if node.type == "class_declaration" and node.child_by_field_name("name") is not None:
                inherits = {text(source, c).strip() for c in node.children if c.type == "inheritance_specifier"}
                if "View" in inherits or "SwiftUI.View" in inherits:
                    app_views.add(text(source, node.child_by_field_name("name")))
    for path in swift_tree.app_sources(ios):
        source, tree = swift_tree.parse(path.read_bytes())
        rel = path.relative_to(repo)
        in_app = path.relative_to(ios).parts[0] == "App"
        for node in walk(tree.root_node):
            if node.type != "call_expression":
                continue
            callee = node.children[0]
            if callee.type == "navigation_expression":
                target = callee.child_by_field_name("target")
                suffix = callee.child_by_field_name("suffix")
                member = text(source, suffix).lstrip(".") if suffix is not None else ""
                if target is not None and text(source, target) == "Loc" and member == "text":
                    keys += 1
                    label, value, args = first_argument(source, node)
                    key = string_literal(source, value)
                    if key is None or label is not None:
                        if not inside_loc(node, source):
                            problems.append(f"{rel}:{line(node)}: Loc.text needs the key as a string literal")
                        continue
                    entry = strings.get(key)
                    if entry is None:
                        problems.append(f"{rel}:{line(node)}: key {key!r} is not in the catalog")
                        continue
                    for lang in LANGUAGES:
                        texts = values(entry, lang)
                        if not texts:
                            problems.append(f"{rel}:{line(node)}: key {key!r} has no {lang} text")
                            continue
                        want = max(placeholders(t) for t in texts)
                        if len(args) - 1 != want:
                            problems.append(f"{rel}:{line(node)}: key {key!r} takes {want} arguments in {lang}, "
                                            f"given {len(args) - 1}")
                    continue
                if in_app and member in MODIFIERS:
                    label, value, _ = first_argument(source, node)
                    if label is None and literal_letters(source, value):
                        problems.append(f"{rel}:{line(suffix)}: hard-coded text in .{member}(...); use Loc.text")
            elif in_app and callee.type == "simple_identifier" and text(source, callee) in VIEW_INITS:
                label, value, _ = first_argument(source, node)
                if label is None and literal_letters(source, value):
                    problems.append(f"{rel}:{line(node)}: hard-coded text in {text(source, callee)}(...); use Loc.text")
            elif in_app and callee.type == "simple_identifier" and text(source, callee) in app_views:
                _, _, args = first_argument(source, node)
                for i, a in enumerate(args):
                    name = a.child_by_field_name("name")
                    label = text(source, name).strip() if name is not None else None
                    if (label is None and i == 0) or label in TEXT_LABELS:
                        if literal_letters(source, a.child_by_field_name("value")):
                            problems.append(f"{rel}:{line(a)}: hard-coded text in {text(source, callee)}(...); "
                                            f"use Loc.text")
    return problems, keys


def main(argv):
    repo = argv[0] if argv else "."
    problems, keys = check(repo)
    for p in problems:
        print(p)
    print(f"checked {keys} localisation keys, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

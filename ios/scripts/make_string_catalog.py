#!/usr/bin/env python3
"""Build the iOS string catalog from the Android string resources.

The Android app's `android/ui/src/main/res/values/strings*.xml` (English,
the source language: `strings.xml`, `strings_meetings.xml`, ... one file per
part of the app) and `values-es/strings*.xml` (Spanish) are the one place
Keel's texts are written. This script turns them into an Xcode String
Catalog, `ios/App/Resources/Localizable.xcstrings`, keyed by the same names
(`screen_today_title`, `action_back`, ...), which the app reads through
`Loc.text("key", args...)`.

What it converts:
- Android's escapes (`\\'`, `\\"`, `\\n`, `\\t`, `\\@`, `\\?`, `\\\\`,
  `\\uXXXX`), double-quoted spans (kept verbatim, quotes dropped) and
  whitespace collapsing outside them; XML entities (`&lt;`, `&amp;`, ...)
  are decoded by the XML parser, inline markup is reduced to its text.
- Placeholders: `%1$s` -> `%1$@`, `%1$d` -> `%1$lld`, plain `%s`/`%d`
  likewise; `%%` stays `%%`; other conversions (`%1$.1f`) are kept.
- `<plurals>` become `variations.plural` with one entry per quantity.
- A key missing from the Spanish file (for instance `translatable="false"`)
  falls back to the English text, as Android does.

The output is deterministic (keys sorted, two-space indentation in Xcode's
`"key" : value` style, UTF-8, final newline), so the test suite regenerates
it in memory and fails when the committed file is out of date.

Usage: make_string_catalog.py [--check] [REPO_ROOT]
  without --check: writes the catalog;
  with --check: writes nothing, exits 1 if the committed catalog differs.
"""

import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

RES = pathlib.Path("android/ui/src/main/res")
LANGUAGES = {"en": RES / "values", "es": RES / "values-es"}
SOURCE_LANGUAGE = "en"
CATALOG = pathlib.Path("ios/App/Resources/Localizable.xcstrings")

SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "'": "'", '"': '"', "@": "@", "?": "?", "\\": "\\"}

FORMAT = re.compile(r"%%|%(?P<pos>\d+\$)?(?P<flags>[-#+ 0,(]*)(?P<width>\d*)(?P<prec>\.\d+)?(?P<conv>[a-zA-Z])")
SWIFT_CONVERSION = {"s": "@", "S": "@", "d": "lld", "i": "lld"}


class CatalogError(Exception):
    pass


def unescape(raw):
    """The text Android shows for a resource's raw character data."""
    out = []
    quoted = False
    pending_space = False
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == "\\" and i + 1 < len(raw):
            n = raw[i + 1]
            if n == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", raw[i + 2:i + 6] or ""):
                ch = chr(int(raw[i + 2:i + 6], 16))
                i += 6
            else:
                ch = SIMPLE_ESCAPES.get(n, n)
                i += 2
            if pending_space:
                out.append(" ")
                pending_space = False
            out.append(ch)
            continue
        if c == '"':
            if pending_space:
                out.append(" ")
                pending_space = False
            quoted = not quoted
            i += 1
            continue
        if not quoted and c in " \t\r\n":
            pending_space = bool(out)
            i += 1
            continue
        if pending_space:
            out.append(" ")
            pending_space = False
        out.append(c)
        i += 1
    return "".join(out)


def swift_format(text):
    """Android (Java) format specifiers to Foundation's."""

    def convert(m):
        if m.group(0) == "%%":
            return "%%"
        conv = SWIFT_CONVERSION.get(m.group("conv"), m.group("conv"))
        return "%" + (m.group("pos") or "") + m.group("flags") + m.group("width") + (m.group("prec") or "") + conv

    return FORMAT.sub(convert, text)


def element_text(element):
    return swift_format(unescape("".join(element.itertext())))


def read_language(folder):
    """{key: str | {quantity: str}} from every strings*.xml of one values folder."""
    files = sorted(folder.glob("strings*.xml"))
    if not files:
        raise CatalogError(f"{folder}: no strings*.xml")
    entries = {}
    for path in files:
        for key, value in read_resources(path).items():
            if key in entries:
                raise CatalogError(f"{path}: {key} is defined twice in {folder.name}")
            entries[key] = value
    return entries


def read_resources(path):
    """{key: str | {quantity: str}} from one strings XML file."""
    root = ET.parse(path).getroot()
    entries = {}
    for element in root:
        if not isinstance(element.tag, str):
            continue  # comments
        name = element.get("name")
        if element.tag == "string":
            entries[name] = element_text(element)
        elif element.tag == "plurals":
            entries[name] = {item.get("quantity"): element_text(item) for item in element.findall("item")}
        else:
            raise CatalogError(f"{path}: <{element.tag} name={name!r}> has no String Catalog form here")
    return entries


def unit(value):
    return {"stringUnit": {"state": "translated", "value": value}}


def localization(value):
    if isinstance(value, dict):
        return {"variations": {"plural": {q: unit(v) for q, v in value.items()}}}
    return unit(value)


def build(repo):
    """The catalog as a dict."""
    repo = pathlib.Path(repo)
    per_language = {lang: read_language(repo / path) for lang, path in LANGUAGES.items()}
    source = per_language[SOURCE_LANGUAGE]
    for lang, entries in per_language.items():
        extra = sorted(set(entries) - set(source))
        if extra:
            raise CatalogError(f"{LANGUAGES[lang]}: keys not in the English file: {', '.join(extra)}")
    strings = {}
    for key in source:
        strings[key] = {
            "extractionState": "manual",
            "localizations": {
                lang: localization(entries.get(key, source[key])) for lang, entries in per_language.items()
            },
        }
    return {"sourceLanguage": SOURCE_LANGUAGE, "strings": strings, "version": "1.0"}


def render(catalog):
    """The catalog's file text, byte-for-byte stable."""
    return json.dumps(catalog, ensure_ascii=False, indent=2, sort_keys=True, separators=(",", " : ")) + "\n"


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    repo = pathlib.Path(args[0]) if args else pathlib.Path(__file__).resolve().parents[2]
    try:
        text = render(build(repo))
    except (CatalogError, ET.ParseError, OSError) as e:
        print(f"string catalog: {e}")
        return 1
    target = repo / CATALOG
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            print(f"{CATALOG}: out of date with the Android strings; run ios/scripts/make_string_catalog.py")
            return 1
        print(f"{CATALOG}: up to date ({text.count(chr(10))} lines)")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {CATALOG}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

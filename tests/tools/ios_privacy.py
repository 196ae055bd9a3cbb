"""Check the iOS app's privacy promises that text can show.

Proves, for ios/ (Swift read with tree-sitter-swift with comments and string
literals blanked, so only code counts; plists read with plistlib):
- App/Info.plist has a non-empty NSFaceIDUsageDescription (a literal or a
  `$(...)` build setting) and no NSAllowsArbitraryLoads* key anywhere;
- App/PrivacyInfo.xcprivacy declares NSPrivacyTracking false, an empty
  NSPrivacyTrackingDomains and an empty NSPrivacyCollectedDataTypes, and in
  NSPrivacyAccessedAPITypes exactly the required-reason API categories the
  app binary uses, each with reasons from Apple's list for that category
  (UserDefaults must give CA92.1, the app's own defaults). The binary is the
  Swift plus the Rust core linked into it: the core's sources (core/src,
  bindings/*/src, beside ios/) reading file metadata (`metadata()`,
  `.modified()`, ...) or a bundled SQLite (rusqlite's "bundled" feature,
  whose file layer calls stat/fstat) need FileTimestamp; statvfs/statfs
  DiskSpace; mach_absolute_time SystemBootTime;
- no Swift file has networking code (URLSession, URLRequest, Network and
  CFNetwork, sockets, web views);
- the vault folder is protected: some Swift file sets FileProtectionType
  .complete and isExcludedFromBackup = true, and no weaker file protection
  class appears anywhere;
- the Keychain item is kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly with
  an access control on .biometryCurrentSet, and any other Keychain item is
  at most kSecAttrAccessibleWhenUnlockedThisDeviceOnly (never one that
  leaves the device or opens before the first unlock).

Limits: detection is by name in code (an API reached through a wrapper in
another module, or by reflection, is not seen); it does not prove the
protection is applied to the right folder, only that the code sets it.
The required-reason list covers the categories and symbols below.

Usage: ios_privacy.py IOS_DIR — prints one line per problem and
"checked N privacy rules, K failed".
"""

import pathlib
import plistlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import swift_tree  # noqa: E402
from swift_tree import walk  # noqa: E402

# Required-reason API categories: the symbols that need them and the
# reason codes Apple lists for each.
REQUIRED_REASON = {
    "NSPrivacyAccessedAPICategoryUserDefaults": (
        r"\bUserDefaults\b|@AppStorage\b|\bNSUserDefaults\b",
        {"CA92.1", "1C8F.1", "C56D.1", "AC6B.1"}),
    "NSPrivacyAccessedAPICategoryFileTimestamp": (
        r"\b(creationDate|modificationDate|contentModificationDate|contentModificationDateKey|creationDateKey|"
        r"contentAccessDate|contentAccessDateKey|attributeModificationDate|attributeModificationDateKey|"
        r"attributesOfItem|fileModificationDate|fileCreationDate|getattrlist|fstat|lstat)\b|\bstat\s*\(",
        {"DDA9.1", "C617.1", "3B52.1", "0A2A.1"}),
    "NSPrivacyAccessedAPICategorySystemBootTime": (
        r"\b(systemUptime|mach_absolute_time)\b",
        {"35F9.1", "8FFB.1", "3D61.1"}),
    "NSPrivacyAccessedAPICategoryDiskSpace": (
        r"\b(volumeAvailableCapacity\w*|volumeTotalCapacity\w*|systemFreeSize|systemSize|statfs|statvfs)\b",
        {"85F4.1", "E174.1", "7D9E.1", "B728.1"}),
    "NSPrivacyAccessedAPICategoryActiveKeyboards": (
        r"\bactiveInputModes\b",
        {"3EC4.1", "54BD.1"}),
}
REQUIRED_USER_DEFAULTS_REASON = "CA92.1"

NETWORKING = re.compile(
    r"\b(URLSession\w*|URLRequest|NSURLConnection|NWConnection|NWListener|NWPathMonitor|NWEndpoint|NWBrowser|"
    r"NWParameters|CFNetwork\w*|CFStreamCreatePairWithSocket\w*|CFSocket\w*|WKWebView|SFSafariViewController|"
    r"URLSessionWebSocketTask)\b|^\s*import\s+(Network|CFNetwork|WebKit|SafariServices)\b",
    re.MULTILINE)

FILE_PROTECTION_COMPLETE = re.compile(
    r"\bFileProtectionType\.complete\b|\bprotectionKey\s*:\s*\.complete\b|\bURLFileProtection\.complete\b|"
    r"\.completeFileProtection\b(?!Unless|Until)")
WEAKER_PROTECTION = re.compile(
    r"\bcompleteUntilFirstUserAuthentication\b|\bcompleteUnlessOpen\b|\bFileProtectionType\.none\b|"
    r"\bnoFileProtection\b|\bcompleteFileProtection(UntilFirstUserAuthentication|UnlessOpen)\b")
EXCLUDED_FROM_BACKUP = re.compile(r"\bisExcludedFromBackup\s*=\s*true\b")
KEYCHAIN_CLASS = "kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly"
ANY_KEYCHAIN_CLASS = re.compile(r"\bkSecAttrAccessible\w+")
ALLOWED_KEYCHAIN_NAMES = {KEYCHAIN_CLASS, "kSecAttrAccessibleWhenUnlockedThisDeviceOnly",
                          "kSecAttrAccessible", "kSecAttrAccessControl"}
CURRENT_BIOMETRY = re.compile(r"\.biometryCurrentSet\b")

# The Rust core linked into the app: what in its sources needs a category.
CORE_REQUIRED_REASON = {
    "NSPrivacyAccessedAPICategoryFileTimestamp":
        r"\b(symlink_metadata|metadata)\s*\(|\.(modified|created|accessed)\s*\(\s*\)|\blibc::f?stat\b",
    "NSPrivacyAccessedAPICategoryDiskSpace": r"\b(statvfs|statfs|available_space|free_space)\b",
    "NSPrivacyAccessedAPICategorySystemBootTime": r"\bmach_absolute_time\b",
}
BUNDLED_SQLITE = re.compile(r"rusqlite\s*=\s*\{[^}]*features\s*=\s*\[[^\]]*\"bundled[\w-]*\"", re.S)


def core_uses(repo):
    """{category: where} for the Rust core beside ios/ (none if absent)."""
    used = {}
    sources = [p for d in ("core/src", "bindings") for p in sorted((repo / d).rglob("*.rs"))
               if "tests" not in p.relative_to(repo).parts and "benches" not in p.relative_to(repo).parts]
    for category, pattern in CORE_REQUIRED_REASON.items():
        rx = re.compile(pattern)
        for path in sources:
            code = re.sub(r"//[^\n]*", "", path.read_text(encoding="utf-8", errors="replace"))
            m = rx.search(code)
            if m:
                used[category] = f"{path.relative_to(repo)}:{code.count(chr(10), 0, m.start()) + 1} ({m.group(0).strip()})"
                break
    for manifest in sorted(repo.glob("*/Cargo.toml")) + [repo / "Cargo.toml"]:
        if manifest.exists() and BUNDLED_SQLITE.search(manifest.read_text(encoding="utf-8", errors="replace")):
            used.setdefault("NSPrivacyAccessedAPICategoryFileTimestamp",
                            f"{manifest.relative_to(repo)} (bundled SQLite: stat/fstat)")
            break
    return used


BLANKED = {"comment", "multiline_comment", "line_string_literal", "multi_line_string_literal",
           "raw_string_literal"}


def code_text(path):
    """The file's Swift with comments and string literals blanked out."""
    source, tree = swift_tree.parse(path.read_bytes())
    out = bytearray(source)
    for node in walk(tree.root_node):
        if node.type in BLANKED:
            for i in range(node.start_byte, node.end_byte):
                if out[i] not in (0x0A,):
                    out[i] = 0x20
    return out.decode("utf-8", "replace")


def load_plist(path, problems, rules):
    rules[0] += 1
    if not path.exists():
        problems.append(f"{path}: missing")
        return None
    try:
        return plistlib.loads(path.read_bytes())
    except Exception as e:
        problems.append(f"{path}: not a property list ({e})")
        return None


def keys_anywhere(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from keys_anywhere(v)
    elif isinstance(value, list):
        for v in value:
            yield from keys_anywhere(v)


def check(ios):
    ios = pathlib.Path(ios)
    problems = []
    rules = [0]
    if not ios.is_dir():
        return [f"{ios}: no iOS sources"], 1
    app = ios / "App"
    if not app.is_dir():
        problems.append(f"{app}: no app sources")

    def rule(ok, message):
        rules[0] += 1
        if not ok:
            problems.append(message)

    info = load_plist(app / "Info.plist", problems, rules)
    if info is not None:
        face = info.get("NSFaceIDUsageDescription")
        rule(isinstance(face, str) and face.strip() != "",
             f"{app / 'Info.plist'}: NSFaceIDUsageDescription missing or empty")
        arbitrary = [k for k in keys_anywhere(info) if str(k).startswith("NSAllowsArbitraryLoads")]
        rule(not arbitrary, f"{app / 'Info.plist'}: {', '.join(arbitrary)} must not be set")

    sources = {p: code_text(p) for p in swift_tree.app_sources(ios)}
    rule(bool(sources), f"{ios}: no Swift sources")
    used = {}
    for category, (pattern, _) in REQUIRED_REASON.items():
        rx = re.compile(pattern)
        for path, code in sources.items():
            m = rx.search(code)
            if m:
                used.setdefault(category, f"{path}:{code.count(chr(10), 0, m.start()) + 1} ({m.group(0).strip()})")
                break

    for category, where in core_uses(ios.resolve().parent).items():
        used.setdefault(category, where)

    manifest_path = app / "PrivacyInfo.xcprivacy"
    manifest = load_plist(manifest_path, problems, rules)
    if manifest is not None:
        rule(manifest.get("NSPrivacyTracking") is False, f"{manifest_path}: NSPrivacyTracking must be false")
        rule(manifest.get("NSPrivacyTrackingDomains") == [],
             f"{manifest_path}: NSPrivacyTrackingDomains must be present and empty")
        rule(manifest.get("NSPrivacyCollectedDataTypes") == [],
             f"{manifest_path}: NSPrivacyCollectedDataTypes must be present and empty")
        declared = {}
        entries = manifest.get("NSPrivacyAccessedAPITypes")
        rule(isinstance(entries, list), f"{manifest_path}: NSPrivacyAccessedAPITypes must be a list")
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                declared[entry.get("NSPrivacyAccessedAPIType")] = entry.get("NSPrivacyAccessedAPITypeReasons")
        for category, where in sorted(used.items()):
            reasons = declared.get(category)
            rule(isinstance(reasons, list) and reasons,
                 f"{manifest_path}: {category} used at {where} but not declared with a reason")
            if isinstance(reasons, list) and reasons:
                unknown = sorted(set(reasons) - REQUIRED_REASON[category][1])
                rule(not unknown, f"{manifest_path}: {category}: unknown reason {', '.join(unknown)}")
                if category == "NSPrivacyAccessedAPICategoryUserDefaults":
                    rule(REQUIRED_USER_DEFAULTS_REASON in reasons,
                         f"{manifest_path}: {category} must give {REQUIRED_USER_DEFAULTS_REASON}")
        for category in sorted(set(declared) - set(used)):
            rule(False, f"{manifest_path}: {category} declared but neither the Swift nor the core uses it")

    for path, code in sources.items():
        for m in NETWORKING.finditer(code):
            rule(False, f"{path}:{code.count(chr(10), 0, m.start()) + 1}: networking code ({m.group(0).strip()})")
        for m in WEAKER_PROTECTION.finditer(code):
            rule(False, f"{path}:{code.count(chr(10), 0, m.start()) + 1}: weaker file protection ({m.group(0)})")
        for m in ANY_KEYCHAIN_CLASS.finditer(code):
            if m.group(0) not in ALLOWED_KEYCHAIN_NAMES:
                rule(False, f"{path}:{code.count(chr(10), 0, m.start()) + 1}: Keychain class {m.group(0)}, "
                            f"want {KEYCHAIN_CLASS}")
    rule(any(FILE_PROTECTION_COMPLETE.search(c) for c in sources.values()),
         f"{ios}: no Swift file sets FileProtectionType.complete on the vault folder")
    rule(any(EXCLUDED_FROM_BACKUP.search(c) for c in sources.values()),
         f"{ios}: no Swift file sets isExcludedFromBackup = true")
    rule(any(KEYCHAIN_CLASS in c for c in sources.values()),
         f"{ios}: no Swift file stores the device secret with {KEYCHAIN_CLASS}")
    rule(any(CURRENT_BIOMETRY.search(c) for c in sources.values()),
         f"{ios}: no Swift file requires .biometryCurrentSet for the device secret")
    return problems, rules[0]


def main(argv):
    problems, rules = check(argv[0] if argv else "ios")
    for p in problems:
        print(p)
    print(f"checked {rules} privacy rules, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

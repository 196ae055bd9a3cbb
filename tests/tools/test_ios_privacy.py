"""ios_privacy.py: Info.plist, the privacy manifest, file protection, Keychain, no networking."""

import plistlib
import shutil

import pytest

import ios_privacy
from conftest import FIXTURES


@pytest.fixture
def ios(tmp_path):
    shutil.copytree(FIXTURES / "ios_app", tmp_path / "ios")
    return tmp_path / "ios"


def edit_plist(path, change):
    data = plistlib.loads(path.read_bytes())
    change(data)
    path.write_bytes(plistlib.dumps(data))


def add_swift(ios, rel, swift):
    path = ios / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(swift, encoding="utf-8")


def test_fixture_app_passes(ios):
    problems, rules = ios_privacy.check(ios)
    assert problems == []
    assert rules >= 10


def test_face_id_text_may_be_a_build_setting(ios):
    edit_plist(ios / "App/Info.plist", lambda d: d.update(NSFaceIDUsageDescription="$(FACE_ID_REASON)"))
    assert ios_privacy.check(ios)[0] == []


@pytest.mark.parametrize("change,expected", [
    (lambda d: d.pop("NSFaceIDUsageDescription"), "NSFaceIDUsageDescription missing or empty"),
    (lambda d: d.update(NSFaceIDUsageDescription=" "), "NSFaceIDUsageDescription missing or empty"),
    (lambda d: d.update(NSAppTransportSecurity={"NSAllowsArbitraryLoads": False}), "NSAllowsArbitraryLoads must not"),
])
def test_info_plist(ios, change, expected):
    edit_plist(ios / "App/Info.plist", change)
    problems, _ = ios_privacy.check(ios)
    assert len(problems) == 1 and expected in problems[0], problems


@pytest.mark.parametrize("change,expected", [
    (lambda d: d.update(NSPrivacyTracking=True), "NSPrivacyTracking must be false"),
    (lambda d: d.pop("NSPrivacyTracking"), "NSPrivacyTracking must be false"),
    (lambda d: d.update(NSPrivacyTrackingDomains=["example.com"]), "NSPrivacyTrackingDomains must be present and empty"),
    (lambda d: d.pop("NSPrivacyCollectedDataTypes"), "NSPrivacyCollectedDataTypes must be present and empty"),
    (lambda d: d.update(NSPrivacyAccessedAPITypes=[]), "UserDefaults used at"),
    (lambda d: d["NSPrivacyAccessedAPITypes"][0].update(NSPrivacyAccessedAPITypeReasons=["1C8F.1"]), "must give CA92.1"),
    (lambda d: d["NSPrivacyAccessedAPITypes"][0].update(NSPrivacyAccessedAPITypeReasons=["CA92.1", "XXXX.1"]),
     "unknown reason XXXX.1"),
    (lambda d: d["NSPrivacyAccessedAPITypes"].append({
        "NSPrivacyAccessedAPIType": "NSPrivacyAccessedAPICategoryDiskSpace",
        "NSPrivacyAccessedAPITypeReasons": ["E174.1"]}), "DiskSpace declared but neither the Swift nor the core uses it"),
])
def test_manifest(ios, change, expected):
    edit_plist(ios / "App/PrivacyInfo.xcprivacy", change)
    problems, _ = ios_privacy.check(ios)
    assert len(problems) == 1 and expected in problems[0], problems


def test_used_api_must_be_declared(ios):
    add_swift(ios, "App/Glue/Stamp.swift", """
import Foundation
// creationDate in a comment does not count, nor "systemUptime" in a string.
func stamp(_ url: URL) throws -> Date? {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    print("systemUptime")
    return attributes[.modificationDate] as? Date
}
""")
    problems, _ = ios_privacy.check(ios)
    assert len(problems) == 1 and "FileTimestamp used at" in problems[0] and "Stamp.swift:5" in problems[0], problems
    edit_plist(ios / "App/PrivacyInfo.xcprivacy", lambda d: d["NSPrivacyAccessedAPITypes"].append({
        "NSPrivacyAccessedAPIType": "NSPrivacyAccessedAPICategoryFileTimestamp",
        "NSPrivacyAccessedAPITypeReasons": ["C617.1"]}))
    assert ios_privacy.check(ios)[0] == []


@pytest.mark.parametrize("swift", [
    "import Foundation\nlet s = URLSession.shared\n",
    "import Foundation\nfunc r(u: URL) -> URLRequest { URLRequest(url: u) }\n",
    "import Network\nlet x = 1\n",
    "import Network\nlet c: NWConnection? = nil\n",
])
def test_networking_fails(ios, swift):
    add_swift(ios, "KeelCore/Sources/KeelKit/Net.swift", swift)
    problems, _ = ios_privacy.check(ios)
    assert problems and all("networking code" in p for p in problems), problems


def test_networking_words_in_comments_pass(ios):
    add_swift(ios, "App/Note.swift", '// No URLSession here.\nlet note = "URLRequest"\n')
    assert ios_privacy.check(ios)[0] == []


def test_a_second_item_may_be_when_unlocked_this_device_only(ios):
    add_swift(ios, "App/Glue/Slot.swift", """
import Security
let slot: [String: Any] = [kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly]
""")
    assert ios_privacy.check(ios)[0] == []


@pytest.mark.parametrize("old,new,expected", [
    ("FileProtectionType.complete", "FileProtectionType.completeUntilFirstUserAuthentication", "weaker file protection"),
    ("values.isExcludedFromBackup = true", "values.isExcludedFromBackup = false", "isExcludedFromBackup = true"),
    ("kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly", "kSecAttrAccessibleAfterFirstUnlock", "Keychain class"),
    ("kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly", "kSecAttrAccessibleWhenUnlocked", "Keychain class"),
    (".biometryCurrentSet", ".userPresence", ".biometryCurrentSet"),
])
def test_vault_folder_and_keychain(ios, old, new, expected):
    path = ios / "App/Glue/VaultFolder.swift"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    problems, _ = ios_privacy.check(ios)
    assert problems and any(expected in p for p in problems), problems


def test_missing_files_fail(ios):
    (ios / "App/PrivacyInfo.xcprivacy").unlink()
    (ios / "App/Info.plist").unlink()
    problems, _ = ios_privacy.check(ios)
    assert any("PrivacyInfo.xcprivacy: missing" in p for p in problems)
    assert any("Info.plist: missing" in p for p in problems)


def test_no_ios_fails(tmp_path, capsys):
    assert ios_privacy.main([str(tmp_path / "ios")]) == 1
    assert "no iOS sources" in capsys.readouterr().out


def test_ios_without_app_fails(tmp_path):
    (tmp_path / "ios/KeelCore").mkdir(parents=True)
    problems, _ = ios_privacy.check(tmp_path / "ios")
    assert any("no app sources" in p for p in problems)
    assert any("no Swift sources" in p for p in problems)


def test_the_core_linked_into_the_app_counts(ios):
    repo = ios.parent
    (repo / "core/src").mkdir(parents=True)
    (repo / "core/src/size.rs").write_text(
        "// fs::metadata( in a comment does not count\n"
        "pub fn size(p: &std::path::Path) -> u64 { std::fs::metadata(p).map_or(0, |m| m.len()) }\n",
        encoding="utf-8")
    problems, _ = ios_privacy.check(ios)
    assert len(problems) == 1 and "FileTimestamp used at core/src/size.rs:2" in problems[0], problems
    edit_plist(ios / "App/PrivacyInfo.xcprivacy", lambda d: d["NSPrivacyAccessedAPITypes"].append({
        "NSPrivacyAccessedAPIType": "NSPrivacyAccessedAPICategoryFileTimestamp",
        "NSPrivacyAccessedAPITypeReasons": ["C617.1"]}))
    assert ios_privacy.check(ios)[0] == []


def test_a_bundled_sqlite_needs_file_timestamps(ios):
    (ios.parent / "Cargo.toml").write_text(
        '[workspace.dependencies]\nrusqlite = { version = "0.40", features = ["bundled"] }\n', encoding="utf-8")
    problems, _ = ios_privacy.check(ios)
    assert len(problems) == 1 and "Cargo.toml (bundled SQLite" in problems[0], problems


def test_core_tests_and_benches_do_not_count(ios):
    for d in ("core/benches", "core/src/tests"):
        (ios.parent / d).mkdir(parents=True)
        (ios.parent / d / "b.rs").write_text("fn f() { std::fs::metadata(\"x\").ok(); }\n", encoding="utf-8")
    assert ios_privacy.check(ios)[0] == []

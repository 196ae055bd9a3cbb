"""ios_strings.py: localisation keys, the catalog's freshness, hard-coded text."""

import ios_strings


def add_swift(repo, rel, swift):
    path = repo / "ios" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(swift, encoding="utf-8")


def test_fixture_app_passes(fake_repo):
    problems, keys = ios_strings.check(fake_repo)
    assert problems == []
    assert keys >= 6


def test_unknown_key_and_argument_count(fake_repo):
    add_swift(fake_repo, "App/Screens/Bad.swift", """
import SwiftUI
struct Bad: View {
    var body: some View {
        VStack {
            Text(Loc.text("screen_missing"))
            Text(Loc.text("screen_sample_both", 3))
            Text(Loc.text("screen_sample_title", "extra"))
            Text(Loc.text(someKey))
        }
    }
}
""")
    problems, _ = ios_strings.check(fake_repo)
    text = "\\n".join(problems)
    assert "Bad.swift:6: key 'screen_missing' is not in the catalog" in text
    assert "Bad.swift:7: key 'screen_sample_both' takes 2 arguments in en, given 1" in text
    assert "Bad.swift:8: key 'screen_sample_title' takes 0 arguments in en, given 1" in text
    assert "Bad.swift:9: Loc.text needs the key as a string literal" in text
    assert len(problems) == 6  # the two count errors in en and es each


def test_key_missing_in_spanish(fake_repo):
    add_swift(fake_repo, "App/Screens/Only.swift", 'let t = Loc.text("sample_english_only")\n')
    assert ios_strings.check(fake_repo)[0] == []  # the generator falls back to English, as Android does
    catalog = fake_repo / ios_strings.CATALOG
    import json
    data = json.loads(catalog.read_text(encoding="utf-8"))
    del data["strings"]["action_back"]["localizations"]["es"]
    catalog.write_text(json.dumps(data), encoding="utf-8")
    problems, _ = ios_strings.check(fake_repo)
    assert any("key 'action_back' has no es text" in p for p in problems)
    assert any("out of date with the Android strings" in p for p in problems)


def test_catalog_out_of_date(fake_repo):
    xml = fake_repo / "android/ui/src/main/res/values-es/strings.xml"
    xml.write_text(xml.read_text(encoding="utf-8").replace("Atrás", "Volver"), encoding="utf-8")
    problems, _ = ios_strings.check(fake_repo)
    assert problems == [f"{ios_strings.CATALOG}: out of date with the Android strings; run ios/scripts/make_string_catalog.py"]


def test_hard_coded_text(fake_repo):
    add_swift(fake_repo, "App/Screens/Literal.swift", """
import SwiftUI
struct Literal: View {
    let n: Int
    var body: some View {
        VStack {
            Text("Hello")
            Button("Save") {}
            Label("Plan", systemImage: "list.bullet")
            Text("\\(n) days")
            Text("\\(n)")
            Text(verbatim: "raw")
            Text("·")
        }
        .navigationTitle("Today")
        .accessibilityLabel("Close")
    }
}
""")
    problems, _ = ios_strings.check(fake_repo)
    lines = sorted(int(p.split(":")[1]) for p in problems)
    assert lines == [7, 8, 9, 10, 15, 16], problems
    assert all("hard-coded text" in p for p in problems)


def test_literals_outside_the_app_target_are_not_views(fake_repo):
    add_swift(fake_repo, "KeelCore/Tests/KeelKitTests/T.swift", 'func t() { let _ = Text("fixture") }\n')
    assert ios_strings.check(fake_repo)[0] == []


def test_missing_ios_fails(tmp_path, capsys):
    assert ios_strings.main([str(tmp_path)]) == 1
    assert "no iOS sources" in capsys.readouterr().out


def test_missing_app_fails(fake_repo):
    import shutil
    shutil.rmtree(fake_repo / "ios/App")
    problems, _ = ios_strings.check(fake_repo)
    assert "ios/App: no app sources" in problems
    assert any("Localizable.xcstrings: missing" in p for p in problems)


def test_placeholder_count():
    assert ios_strings.placeholders("%1$lld of %2$@, 100%%") == 2
    assert ios_strings.placeholders("%@ and %lld") == 2
    assert ios_strings.placeholders("%2$@ %1$@ %2$@") == 2
    assert ios_strings.placeholders("none") == 0


def test_app_without_swift_fails(fake_repo):
    import shutil
    shutil.rmtree(fake_repo / "ios/App/Screens")
    shutil.rmtree(fake_repo / "ios/App/Glue")
    (fake_repo / "ios/App/TodaySample.swift").unlink()
    problems, _ = ios_strings.check(fake_repo)
    assert problems == ["ios/App: no Swift sources"]


def test_hard_coded_text_in_the_apps_own_views(fake_repo):
    add_swift(fake_repo, "App/Screens/Own.swift", """
import SwiftUI
struct JournalText: View {
    let text: String
    init(_ text: String) { self.text = text }
    var body: some View { Text(text) }
}
struct JournalButton: View {
    let title: String
    let icon: String
    var body: some View { Text(title) }
}
struct Own: View {
    var body: some View {
        VStack {
            JournalText("Written here")
            JournalText(Loc.text("action_back"))
            JournalButton(title: "Save", icon: "square.and.arrow.down")
            JournalButton(title: Loc.text("action_back"), icon: "chevron.left")
        }
    }
}
""")
    problems, _ = ios_strings.check(fake_repo)
    assert [int(p.split(":")[1]) for p in problems] == [16, 18], problems

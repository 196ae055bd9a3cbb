"""ios_bindings.py: the app's uses of the bindings against the generated Swift.

Each test runs on the small uniffi-shaped fixture (always) and on the real
generated file when the suite has built it (tests/.out/bindings/swift, or
KEEL_BINDINGS_SWIFT)."""

import os
import pathlib
import re
import shutil

import pytest

import ios_bindings
from conftest import FIXTURES, REPO

REAL = pathlib.Path(os.environ.get("KEEL_BINDINGS_SWIFT") or REPO / "tests/.out/bindings/swift/KeelCore.swift")
GENERATED = [FIXTURES / "KeelCoreMini.swift"] + ([REAL] if REAL.exists() else [])

APP = FIXTURES / "ios_app"

# (what is renamed, pattern, replacement, what the failure names)
MUTATIONS = [
    ("method", r"func today\(now:", "func todayScreen(now:", "Vault.today"),
    ("record field", r"public var currentDays:", "public var daysNow:", "SobrietyClockStatus.currentDays"),
    ("optional record's field", r"(public struct EntryBrief\b[^}]*?)public var id:", r"\1public var entryId:",
     "EntryBrief.id"),
    ("enum case", r"(?m)^(\s*)case spanish$", r"\1case castilian", ".spanish: Language has no such case"),
    ("error case", r"(?m)^(\s*)case Locked$", r"\1case LockedOut", ".Locked: KeelError has no such case"),
    ("associated value label", r"case InvalidInput\(field:", "case InvalidInput(name:",
     "the bindings label this value name"),
    ("initializer label", r"public init\(utcMillis: Int64, zone: String\)", "public init(utcMs: Int64, zone: String)",
     "Now(utcMillis:zone:): no initializer"),
    ("type", r"\bTodayScreen\b", "TodayOverview", "type TodayScreen: not in the bindings"),
    ("free function", r"public func vaultExists\(dir:", "public func vaultIsThere(dir:", "function vaultExists"),
    ("free function label", r"public func vaultExists\(dir:", "public func vaultExists(folder:",
     "vaultExists(dir:): labels do not match"),
]


@pytest.mark.parametrize("generated", GENERATED, ids=lambda p: p.name)
def test_unmodified_pair_passes(generated):
    problems, uses, files = ios_bindings.check(generated, APP)
    assert problems == []
    assert files >= 4 and uses >= 20


@pytest.mark.parametrize("generated", GENERATED, ids=lambda p: p.name)
@pytest.mark.parametrize("what,pattern,replacement,expected", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_rename_fails(tmp_path, generated, what, pattern, replacement, expected):
    source = generated.read_text(encoding="utf-8")
    mutated, count = re.subn(pattern, replacement, source, flags=re.DOTALL if "[^}]" in pattern else 0)
    assert count >= 1, f"the {what} mutation matched nothing in {generated.name}"
    target = tmp_path / "KeelCore.swift"
    target.write_text(mutated, encoding="utf-8")
    problems, _, _ = ios_bindings.check(target, APP)
    assert any(expected in p for p in problems), problems
    assert all("TodaySample.swift" in p for p in problems), problems


def test_main_reports_counts(capsys):
    assert ios_bindings.main([str(FIXTURES / "KeelCoreMini.swift"), str(APP)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^checked \d+ uses of the bindings in 4 files, 0 unknown$", out, re.M)


def test_no_ios_sources_fails(tmp_path, capsys):
    assert ios_bindings.main([str(FIXTURES / "KeelCoreMini.swift"), str(tmp_path / "ios")]) == 1
    assert "no iOS sources" in capsys.readouterr().out


def test_generated_copy_in_the_package_is_skipped(tmp_path):
    app = tmp_path / "ios"
    shutil.copytree(APP, app)
    gen = app / "KeelCore/Sources/KeelCore"
    gen.mkdir(parents=True)
    (gen / "KeelCore.swift").write_text("let x: NotAType = y\n", encoding="utf-8")
    assert ios_bindings.check(FIXTURES / "KeelCoreMini.swift", app)[0] == []


def write_app(tmp_path, swift):
    app = tmp_path / "ios/App"
    app.mkdir(parents=True)
    (app / "Sample.swift").write_text(swift, encoding="utf-8")
    return ios_bindings.check(FIXTURES / "KeelCoreMini.swift", tmp_path / "ios")[0]


def test_unknown_names_fail(tmp_path):
    problems = write_app(tmp_path, """
import SwiftUI
struct Mine { var x: Int }
func f(a: Mine, b: Wobble) -> some View {
    let m = Mine(x: 1)
    frobnicate(m)
    return Text(verbatim: "\\(m.x)")
}
""")
    assert len(problems) == 2, problems
    assert "type Wobble: not in the bindings, not declared in the app, not a known SDK type" in problems[0]
    assert "function frobnicate" in problems[1]
    assert problems[0].split(":")[1] == "4"


def test_unknown_types_are_not_guessed(tmp_path):
    # Values whose type cannot be told are not checked (no false failures).
    assert write_app(tmp_path, """
import Foundation
func f(x: [String: Vault], r: Result<TodayScreen, Error>) {
    let v = x["a"]
    v?.anything()
    if case .success(let s) = r { print(s.whatever) }
    let clocks = (try? r.get())?.clocks.map { $0.notAField }
    print(clocks as Any)
}
struct Model {
    struct State { var brief: EntryBrief? }
    var state = State()
    func ids() -> String? { state.brief.map { $0.id } ?? state.brief?.id }
}
""") == []


def test_app_properties_carry_core_types(tmp_path):
    problems = write_app(tmp_path, """
struct Model {
    struct State { var screen: TodayScreen? }
    var state = State()
}
func f(model: Model) -> Int {
    guard let screen = model.state.screen else { return 0 }
    return screen.clockz.count
}
""")
    assert len(problems) == 1 and "TodayScreen.clockz: no such member" in problems[0], problems


def test_app_extension_members_count(tmp_path):
    assert write_app(tmp_path, """
extension Language: CaseIterable {
    public static var allCases: [Language] { [.english, .spanish] }
    var code: String { self == .english ? "en" : "es" }
}
func f(l: Language) -> String { l.code + "\\(Language.allCases.count)" }
""") == []


def test_result_cases_bind_the_core_record(tmp_path):
    problems = write_app(tmp_path, """
struct CoreFailure: Error {}
protocol TodayCalls: Sendable {
    func today(language: Language) async -> Result<TodayScreen, CoreFailure>
}
final class TodayModel {
    private let calls: any TodayCalls
    init(calls: any TodayCalls) { self.calls = calls }
    func load() async -> Int {
        switch await calls.today(language: .englsh) {
        case .success(let screen):
            return screen.clocks.count + screen.clockCount
        case .failure:
            return 0
        }
    }
}
""")
    assert len(problems) == 2, problems
    assert ".englsh: Language has no such case" in problems[0]
    assert "TodayScreen.clockCount: no such member" in problems[1]


def test_an_app_type_shadowing_a_core_name_is_the_apps(tmp_path):
    assert write_app(tmp_path, """
enum Language { case french }
func f(l: Language) -> Bool { l == .french && Language.french == l }
""") == []


def test_app_view_named_like_a_core_record_shadows_it_only_in_the_app(tmp_path):
    ios = tmp_path / "ios"
    kit = ios / "KeelCore/Sources/KeelKit"
    kit.mkdir(parents=True)
    (kit / "TodayModel.swift").write_text("""
public final class TodayModel {
    public struct State { public var screen: TodayScreen? }
    public var state = State()
    func count(_ s: TodayScreen) -> Int { s.clockz.count }
}
""", encoding="utf-8")
    (ios / "App").mkdir()
    (ios / "App/TodayScreen.swift").write_text("""
import SwiftUI
struct TodayScreen: View {
    let model: TodayModel
    var body: some View {
        if let screen = model.state.screen {
            Text(verbatim: "\\(screen.clocks.count) \\(screen.clockCount)")
        }
    }
}
""", encoding="utf-8")
    problems = ios_bindings.check(FIXTURES / "KeelCoreMini.swift", ios)[0]
    assert len(problems) == 2, problems
    assert any("TodayModel.swift:5: TodayScreen.clockz" in p for p in problems), problems
    assert any("TodayScreen.swift:7: TodayScreen.clockCount" in p for p in problems), problems


def test_closure_parameters_take_the_element(tmp_path):
    problems = write_app(tmp_path, """
import SwiftUI
struct Clocks: View {
    let screen: TodayScreen
    var body: some View {
        ForEach(screen.clocks, id: \\.label) { clock in
            Text(verbatim: clock.labl)
        }
    }
    var total: UInt32 { screen.clocks.map { c in c.currentDays }.reduce(0, +) }
    var longest: SobrietyClockStatus? { screen.clocks.max { a, b in a.currentDays < b.currentDayz } }
}
""")
    assert len(problems) == 2, problems
    assert "SobrietyClockStatus.labl" in problems[0]
    assert "SobrietyClockStatus.currentDayz" in problems[1]


def test_enumerated_rows_and_own_methods(tmp_path):
    problems = write_app(tmp_path, """
import SwiftUI
final class Holder {
    private var screen: (any Sendable)?
    private var today: TodayScreen?
    private func current() -> TodayScreen? { today }
    func first() -> UInt32? { current()?.clocks.first?.currentDays ?? current()?.clockz.first?.currentDays }
}
struct Rows: View {
    let screen: TodayScreen
    var body: some View {
        ForEach(Array(screen.clocks.enumerated()), id: \\.offset) { _, clock in
            Text(verbatim: clock.labl)
        }
    }
    func labels() -> [String] {
        var out: [String] = []
        for (i, clock) in screen.clocks.enumerated() { out.append("\\(i) \\(clock.lable)") }
        return out
    }
}
""")
    assert len(problems) == 3, problems
    assert "TodayScreen.clockz" in problems[0]
    assert "SobrietyClockStatus.labl" in problems[1]
    assert "SobrietyClockStatus.lable" in problems[2]


def test_first_and_last_of_a_core_array(tmp_path):
    problems = write_app(tmp_path, """
func f(screen: TodayScreen) -> UInt32 {
    let a = screen.clocks.first { $0.currentDays > 1 }
    let b = screen.clocks.last
    return (a?.currentDayz ?? 0) + (b?.currentDays ?? 0) + (screen.clocks.first?.dayz ?? 0)
}
""")
    assert len(problems) == 2, problems
    assert "SobrietyClockStatus.currentDayz" in problems[0]
    assert "SobrietyClockStatus.dayz" in problems[1]


def test_implicit_cases_in_expressions(tmp_path):
    problems = write_app(tmp_path, """
struct Target { var language: Language; var error: KeelError? = nil }
func pick(_ spanish: Bool, fallback: Language?) -> Language {
    let a: Language = spanish ? .spanish : .englsh
    let t = Target(language: fallback ?? .castilian)
    let u = Target(language: .english, error: .InvalidInput(name: "x", reason: "y"))
    let v: [Language] = [.english, .french]
    _ = (a, t, u, v)
    return .klingon
}
func nested() -> [Language] {
    let f: () -> Int = { return .zero }
    _ = f
    return [.english]
}
""")
    assert len(problems) == 5, problems
    for expected in (".englsh: Language", ".castilian: Language", ".InvalidInput(name:reason:): KeelError.InvalidInput takes (field, reason)",
                     ".french: Language", ".klingon: Language"):
        assert any(expected in p for p in problems), (expected, problems)


def test_anonymous_closure_parameters(tmp_path):
    problems = write_app(tmp_path, """
func f(screen: TodayScreen) -> [String] {
    let long = screen.clocks.filter { $0.currentDays > 30 }.map { $0.labl }
    let sorted = screen.clocks.sorted { $0.currentDays < $1.currentDayz }
    return long + sorted.map { $0.label }
}
""")
    assert len(problems) == 2, problems
    assert "SobrietyClockStatus.currentDayz" in problems[0] or "SobrietyClockStatus.currentDayz" in problems[1]
    assert any("SobrietyClockStatus.labl:" in p for p in problems)


def test_nested_state_structs_are_told_apart(tmp_path):
    problems = write_app(tmp_path, """
final class TodayModel {
    struct State { var screen: TodayScreen?; var busy = false }
    var state = State()
}
final class LogModel {
    struct State { var screen: EntryBrief?; var busy = false }
    var state = State()
}
func f(today: TodayModel, log: LogModel) -> Int {
    (today.state.screen?.clockz.count ?? 0) + (log.state.screen?.idd.count ?? 0)
}
""")
    assert len(problems) == 2, problems
    assert "TodayScreen.clockz" in problems[0] and "EntryBrief.idd" in problems[1]

"""ios_access.py: what the app target and the tests use of KeelKit is visible
to them, and KeelKit's own public signatures and protocol witnesses."""

import shutil

import pytest

import ios_access
from conftest import FIXTURES

GENERATED = FIXTURES / "KeelCoreMini.swift"
KIT = "KeelCore/Sources/KeelKit/Extra.swift"
APP = "App/Extra.swift"
TESTS = "KeelCore/Tests/KeelKitTests/ExtraTests.swift"


@pytest.fixture
def ios(tmp_path):
    shutil.copytree(FIXTURES / "ios_access", tmp_path / "ios")
    return tmp_path / "ios"


def add(ios, rel, swift):
    path = ios / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(swift, encoding="utf-8")


def problems(ios):
    return ios_access.check(GENERATED, ios)[0]


def test_fixture_passes(ios):
    found, uses, files = ios_access.check(GENERATED, ios)
    assert found == []
    assert files == 3 and uses >= 15


@pytest.mark.parametrize("kit,app,expected", [
    ("", "func f(_ t: InternalThing) {}", "type InternalThing is internal"),
    ("", "func f(_ m: CounterModel) { m.reset() }", "CounterModel.reset is internal"),
    ("", "func f(_ m: CounterModel) -> Int { m.hidden }", "CounterModel.hidden is internal"),
    ("", "func f() -> String { String(helper()) }", "function helper is internal"),
    ("enum Mode { case on }", "func f() { _ = Mode.on }", "type Mode is internal"),
    ("public enum Mode { case on\n static let off = Mode.on }", "func f() { _ = Mode.off }",
     "Mode.off is internal"),
    ("public final class Holder {\n struct Inner {}\n public init() {}\n}",
     "func f() { let x: Holder.Inner? = nil; _ = x }", "type Holder.Inner is internal"),
    ("public struct Pair {\n public var a: Int\n public var b: Int\n}", "func f() { _ = Pair(a: 1, b: 2) }",
     "implicit memberwise initializer"),
    ("public final class Empty {}", "func f() { _ = Empty() }", "implicit default initializer"),
    ("public struct Span {\n public var n: Int\n init(n: Int) { self.n = n }\n}", "func f() { _ = Span(n: 1) }",
     "the initializer is internal"),
    ("public struct Span {\n public var n: Int\n init(n: Int) { self.n = n }\n}",
     "func f() { _ = CounterModel.State.init(count: 1); _ = Span.init(n: 1) }", "the initializer is internal"),
    ("", "func f(_ m: CounterModel) { m.state = CounterModel.State() }", "CounterModel.state is assigned here"),
    ("", "func f(_ m: CounterModel) { m.state.count = 2 }", "CounterModel.state is assigned here"),
    ("", "struct V: View {\n @Bindable var model: CounterModel\n var body: some View {"
         " Stepper(\"\", value: $model.state.count) }\n}", "CounterModel.state is assigned here"),
    ("extension TodayScreen {\n var hiddenFlag: Bool { true }\n}",
     "func f(_ s: TodayScreen) -> Bool { s.hiddenFlag }", "TodayScreen.hiddenFlag is internal"),
])
def test_app_needs_public(ios, kit, app, expected):
    if kit:
        add(ios, KIT, "import KeelCore\n\n" + kit + "\n")
    add(ios, APP, "import KeelCore\nimport KeelKit\nimport SwiftUI\n\n" + app + "\n")
    found = problems(ios)
    assert len(found) == 1 and expected in found[0], found
    assert found[0].startswith(str(ios / APP) + ":"), found


@pytest.mark.parametrize("app", [
    "func f(_ m: CounterModel) -> Int { m.state.count }",  # reading a private(set) property
    "struct InternalThing { var v: Int }\nfunc f() { _ = InternalThing(v: 1) }",  # the app's own type
    "extension CounterModel { func again() { _ = 1 } }\nfunc f(_ m: CounterModel) { m.again() }",
    "func f(_ m: CounterModel) { m.draft = \"y\" }",
    "func f(_ m: CounterModel) { _ = Route.today; _ = Point.init(x: 1, y: 1) }",
])
def test_app_allowed(ios, app):
    add(ios, APP, "import KeelKit\nimport SwiftUI\n\n" + app + "\n")
    assert problems(ios) == []


@pytest.mark.parametrize("testable,body,expected", [
    (True, "let m = CounterModel()\n _ = m.hidden", None),
    (True, "let m = CounterModel()\n _ = m.secret", "CounterModel.secret is private"),
    (False, "let m = CounterModel()\n m.reset()", "CounterModel.reset is internal; the tests need it package"),
    (False, "let m = CounterModel()\n _ = m.state.count", None),
])
def test_tests_module(ios, testable, body, expected):
    imp = "@testable import KeelKit" if testable else "import KeelKit"
    add(ios, TESTS, f"import XCTest\n{imp}\n\n@MainActor\nfinal class ExtraTests: XCTestCase {{\n"
                    f" func testIt() {{\n {body}\n }}\n}}\n")
    found = problems(ios)
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and expected.split(";")[0] in found[0] and str(TESTS) in found[0], found


@pytest.mark.parametrize("kit,expected", [
    ("public struct Box {\n public var inner: InternalThing?\n public init() {}\n}", "public Box.inner names InternalThing"),
    ("public final class Maker {\n public init() {}\n public func make() -> InternalThing { InternalThing(value: 1) }\n}",
     "public Maker.make names InternalThing"),
    ("public enum Wrapped {\n case thing(InternalThing)\n}", "public Wrapped.thing names InternalThing"),
    ("public func build(_ t: InternalThing) {}", "public func build names InternalThing"),
    ("public protocol Loader {\n func loadAgain()\n}\nextension Proxy: Loader {\n func loadAgain() {}\n}",
     "Proxy.loadAgain is internal but implements a requirement of public protocol Loader"),
])
def test_kit_rules(ios, kit, expected):
    add(ios, KIT, "import KeelCore\n\n" + kit + "\n")
    found = problems(ios)
    assert len(found) == 1 and expected in found[0], found
    assert str(ios / KIT) in found[0]


@pytest.mark.parametrize("kit", [
    "struct Box {\n var inner: InternalThing?\n}",  # internal type: nothing to export
    "public struct Box {\n var inner: InternalThing?\n public init() {}\n}",  # internal member
    "public protocol Loader {\n func loadAgain()\n}\nextension Loader {\n public func loadAgain() {}\n}\n"
    "extension Proxy: Loader {\n func loadAgain() {}\n}",  # a default implementation exists
    "protocol Quiet {\n func hush()\n}\nextension Proxy: Quiet {\n func hush() {}\n}",  # internal protocol
])
def test_kit_allowed(ios, kit):
    add(ios, KIT, "import KeelCore\n\n" + kit + "\n")
    assert problems(ios) == []


def test_main_reports(ios, capsys):
    add(ios, APP, "import KeelKit\n\nfunc f(_ m: CounterModel) { m.reset() }\n")
    assert ios_access.main([str(GENERATED), str(ios)]) == 1
    out = capsys.readouterr().out
    assert "CounterModel.reset is internal" in out and "1 problems" in out


def test_binding_through_a_class_needs_only_the_last_setter(ios):
    add(ios, KIT, "public final class Box {\n public var n: Int = 0\n public init() {}\n}\n"
                  "public final class Owner {\n public private(set) var box = Box()\n public init() {}\n}\n")
    add(ios, APP, "import KeelKit\nimport SwiftUI\n\nstruct V: View {\n @Bindable var owner: Owner\n"
                  " var body: some View { Stepper(\"\", value: $owner.box.n) }\n}\n")
    assert problems(ios) == []


@pytest.mark.parametrize("kit,expected", [
    ("public struct Tag: Identifiable {\n let id: String\n public init(id: String) { self.id = id }\n}", "Tag.id is internal"),
    ("public enum Shade: CustomStringConvertible {\n case dark\n var description: String { \"dark\" }\n}",
     "Shade.description is internal"),
    ("public struct Score: Equatable {\n public var n: Int\n public init(n: Int) { self.n = n }\n"
     " static func == (a: Score, b: Score) -> Bool { a.n == b.n }\n}", "Score.== is internal"),
])
def test_sdk_protocol_witnesses(ios, kit, expected):
    add(ios, KIT, kit + "\n")
    found = problems(ios)
    assert len(found) == 1 and expected in found[0], found


def test_sdk_protocol_witnesses_of_internal_types(ios):
    add(ios, KIT, "struct Tag: Identifiable {\n let id: String\n}\n"
                  "public final class Node: Identifiable {\n public init() {}\n var id: Int { 1 }\n}\n")
    assert problems(ios) == []


@pytest.mark.parametrize("kit,expected", [
    ("public enum Limits {\n static let most = 3\n}\npublic func take(_ n: Int = Limits.most) {}", "names Limits.most"),
    ("public struct Pager {\n static let size = 3\n public init(size: Int = size) {}\n}", "names Pager.size"),
    ("enum Hidden {\n static let most = 3\n}\npublic struct Pager {\n public init(size: Int = Hidden.most) {}\n}",
     "names Hidden, which is internal"),
    ("public struct Pace {\n static let slow = Pace()\n public init() {}\n}\n"
     "public func walk(pace: Pace = .slow) {}", "names Pace.slow"),
])
def test_default_values(ios, kit, expected):
    add(ios, KIT, kit + "\n")
    found = problems(ios)
    assert len(found) == 1 and expected in found[0], found


def test_default_values_allowed(ios):
    add(ios, KIT, "public struct Pace {\n public static let slow = Pace()\n public init() {}\n}\n"
                  "public func walk(pace: Pace = .slow, steps: Int = 3, note: String? = nil) {}\n"
                  "func stroll(pace: Pace = Pace.hidden) {}\nextension Pace {\n static let hidden = Pace()\n}\n")
    assert problems(ios) == []


def test_public_typealias_of_an_internal_type(ios):
    add(ios, KIT, "public typealias Thing = InternalThing\n")
    found = problems(ios)
    assert len(found) == 1 and "public typealias Thing names InternalThing" in found[0], found


def test_a_file_naming_kit_types_imports_kit(ios):
    add(ios, APP, "import SwiftUI\n\nfunc f(_ m: CounterModel) -> Int { m.state.count }\nfunc g() -> Route { .today }\n")
    found = problems(ios)
    assert len(found) == 1 and "type CounterModel is KeelKit's, but this file does not `import KeelKit`" in found[0]
    assert found[0].startswith(str(ios / APP) + ":3:"), found

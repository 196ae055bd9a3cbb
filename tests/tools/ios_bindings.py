"""Check that the iOS app uses only what the generated Swift bindings declare.

There is no Swift compiler on the machines that run the suite, so a renamed
core API would otherwise break only the first macOS build. This check parses
the Swift the bindgen generates from the current library
(tests/.out/bindings/swift/KeelCore.swift) and every Swift source under ios/
(except the package's gitignored copy of the generated file) with
tree-sitter-swift, and compares them.

From the generated file it collects the public types (class, struct, enum,
protocol, typealias), their members (methods with their argument labels and
defaults, properties and record fields with their types, initializers'
labels, enum cases with their associated values' labels and types) and the
public top-level functions.

In the app it proves:
- every type name written in a type position (annotations, generics,
  inheritance, `as`/`is`, catch patterns) and every capitalised name used as
  a callee (`Name(...)`) or as the base of a member access (`Name.member`)
  is declared by the app itself, by the bindings, or is in the explicit
  allowlist of Apple SDK / Swift standard library names below;
- every call of a free function (`name(...)`) names a function the app
  declares, a generated top-level function (whose labels must then match),
  a Swift/SDK global in the allowlist, or a value in scope (a closure);
- on a value whose type the checker can tell is a core type, every member
  access names a field, method or property of that type (or one the app adds
  in an extension), and a labelled call matches one of its signatures;
  `CoreType(label: ...)` matches a public initializer; `CoreType.member`
  names a case or static member;
- `.caseName` is a case of the core enum expected where the checker knows
  the expected type: an argument of a checked core call or initializer, the
  right side of `==`/`!=` or of an assignment to a core-typed value, and the
  patterns of a `switch` over a core-typed value or of `catch Enum.case`;
  the labels and count of a pattern's associated values must fit the case,
  and the values it binds take the case's types.

How types are known (everything else is "unknown", and unknown is never a
failure): annotations (`let s: TodayScreen`, parameters, the app's own
stored and computed properties and methods with a written type, across
files by type name, and `var state = State()`), `CoreType(...)`,
`CoreType.staticCall(...)`, generated free functions, the return type of a
checked core method, fields of a known core record, `?`/`!`/`try`/`await`
around them, `if let`/`guard let`, the element of a `for` over a known
array, `self` in an extension of a core type, the cases of a `switch` over
a `Result<CoreType, ...>` (`.success(let screen)`), the first closure
parameter of any call named `perform` (the brief's VaultProxy.perform hands
the closure the `Vault`), and the element for the closure of `ForEach(xs)`
and of `xs.map/filter/forEach/first/contains/sorted/...` (`$0`/`$1` too;
`filter`/`sorted` keep the array's type; also the pairs of
`Array(xs.enumerated())` and `for (i, x) in xs.enumerated()`), the
optional element of `xs.first`/`xs.last`/`xs.first { }`, `x?.member`
through optional chaining, and a method of the enclosing type called
without `self.`. Scopes follow
functions, closures, `if`, `for` and `switch` cases; a name bound to two
types in one scope is unknown. Nested app types are told apart by their
path (`TodayModel.State` and `LogModel.State`). App types are kept per module (App target,
KeelKit, tests): the app target's own `TodayScreen` view shadows the core
record there, not in KeelKit, and the types the bindings' members name are
always the core's.

Limits: no overload resolution beyond labels (argument types are not
compared), no generic inference beyond the above (a value inside
`[T].reduce`, a dictionary, a tuple, the app's own generic helpers), `if case`/`guard case` patterns
and tuple switches are not checked, a member the app reaches through a
protocol or a generic is not checked, and a nested core type
(`Vault.NoHandle`) in a type position is not checked. A
member is taken to exist when any overload has that name; a trailing-closure
call is checked by its parenthesised labels only.

Usage: ios_bindings.py GENERATED.swift IOS_DIR — prints one line per
problem (file:line: message) and "checked N uses of the bindings, K unknown".
"""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import swift_tree  # noqa: E402
from swift_tree import line, text, walk  # noqa: E402

# Apple SDK and Swift standard library names the app may use. Kept to the
# names the app uses (and their obvious kin); a name not here, not declared
# by the app and not in the bindings fails the check, so extend this list
# deliberately when the app starts using another SDK type.
SDK_TYPES = set("""
Any AnyObject AnyView Array Bool Character Codable Comparable Never Void Optional Result Set
Dictionary Double Equatable Error Float Hashable Identifiable Int Int8 Int16 Int32 Int64 UInt UInt8
UInt16 UInt32 UInt64 Sendable String Substring CaseIterable CustomStringConvertible Self Range
ClosedRange Collection Sequence RawRepresentable CVarArg Duration Task TaskGroup MainActor
CheckedContinuation UnsafeContinuation AsyncStream Actor SerialExecutor UnownedSerialExecutor
Calendar Data Date DateComponents NSObject NSNumber DateFormatter DateInterval Decimal FileManager FileProtectionType
Bundle Locale LocalizedError NSError NSLock Notification NotificationCenter ProcessInfo TimeInterval
TimeZone URL URLResourceKey URLResourceValues UUID UserDefaults JSONDecoder JSONEncoder
DispatchQueue OperationQueue Measurement CharacterSet NumberFormatter ISO8601DateFormatter
RelativeDateTimeFormatter ByteCountFormatter FormatStyle AttributedString CFString CFDictionary
CFError CFTypeRef OSStatus Unmanaged ContinuousClock SuspendingClock Clock Package SecAccessControl SecAccessControlCreateFlags SecItemClass kCFBooleanTrue
LAContext LAError LAPolicy LABiometryType UNUserNotificationCenter UNNotificationRequest
UNMutableNotificationContent UNCalendarNotificationTrigger UNTimeIntervalNotificationTrigger
UNAuthorizationOptions UNAuthorizationStatus UNNotificationSettings UNNotificationSound
UNNotification UNNotificationResponse UNUserNotificationCenterDelegate UNNotificationPresentationOptions
UIApplication UIImpactFeedbackGenerator UINotificationFeedbackGenerator UISelectionFeedbackGenerator
UIAccessibility UIDevice UIPasteboard UIFont UIColor UIScene UIWindowScene UIApplicationDelegate
UIApplicationDelegateAdaptor UTType Logger
App Scene WindowGroup View ViewModifier ViewBuilder Text Button Label Image Color Font Spacer Divider
VStack HStack ZStack LazyVStack LazyHStack LazyVGrid Grid GridRow GridItem ScrollView ScrollViewReader
List Form Section ForEach Group GroupBox NavigationStack NavigationLink NavigationPath Toggle Picker
Slider Stepper TextField SecureField TextEditor DatePicker ProgressView Menu Link ShareLink ContentUnavailableView
GeometryReader Circle Rectangle RoundedRectangle Capsule Ellipse Path Shape Gradient LinearGradient
AngularGradient RadialGradient Binding Bindable State Environment EnvironmentValues EnvironmentKey
FocusState Namespace ScenePhase Animation Transaction Edge EdgeInsets Alignment HorizontalAlignment
VerticalAlignment Axis CGFloat CGSize CGPoint CGRect Angle UnitPoint ContentSize DynamicTypeSize
ColorScheme ToolbarItem ToolbarItemGroup ToolbarItemPlacement ButtonRole ButtonStyle PrimitiveButtonStyle
LabelStyle TextFieldStyle ListStyle Visibility AccessibilityTraits AccessibilityChildBehavior
AccessibilityActionKind AccessibilityAdjustmentDirection ControlSize Prominence SubmitLabel
KeyboardType UIKeyboardType TextContentType UITextContentType SensoryFeedback FileDocument
FileDocumentConfiguration FileDocumentReadConfiguration FileDocumentWriteConfiguration FileWrapper
ReferenceFileDocument Transferable TransferRepresentation DataRepresentation FileRepresentation
SentTransferredFile ReceivedTransferredFile ProposedViewSize TimelineView Canvas GraphicsContext
Observable Observation ObservationIgnored Published ObservableObject StateObject ObservedObject
EnvironmentObject AppStorage SceneStorage Chart BarMark LineMark PointMark AreaMark RuleMark
RectangleMark SectorMark PlottableValue AxisMarks AxisValueLabel AxisGridLine AxisTick ChartProxy
AudioGraph AXChartDescriptor AXChartDescriptorRepresentable AXNumericDataAxisDescriptor
AXCategoricalDataAxisDescriptor AXDataSeriesDescriptor AXDataPoint HKHealthStore HKCategorySample
HKCategoryType HKCategoryTypeIdentifier HKObjectType HKAuthorizationStatus AccessibilityFocusState
TabView Tab Sheet Alert ConfirmationDialog PresentationDetent XCTestCase XCTest Testing Test Suite
Expectation Comment SortDescriptor Regex Mirror XCTSkip XCTestExpectation KeyPath WritableKeyPath ReferenceWritableKeyPath
Layout LayoutSubviews LayoutSubview Subviews AVAudioPlayer AVAudioSession AVAudioFormat AVAudioPCMBuffer
AVAudioEngine AVAudioPlayerNode
""".split())
# Generic parameters of the standard library's own types, which an extension
# of them names bare (`extension Result { var failure: Failure? }`).
SDK_TYPES |= {"Success", "Failure", "Element", "Wrapped", "Key", "Value"}

# Modules a qualified name may start with (`KeelCore.Vault`, `Swift.Error`).
MODULES = {"KeelCore", "KeelKit", "Swift", "Foundation", "SwiftUI", "UIKit", "Security",
           "LocalAuthentication", "UserNotifications", "Charts", "HealthKit", "Observation",
           "UniformTypeIdentifiers", "os", "XCTest", "Testing", "PackageDescription", "AVFoundation"}

# Sequence methods whose closure takes one element, or two (`sorted { a, b in }`).
ELEMENT_CLOSURES = {"map", "compactMap", "flatMap", "filter", "forEach", "first", "last", "contains",
                    "allSatisfy", "firstIndex", "lastIndex", "drop", "prefix", "partition", "removeAll"}
PAIR_CLOSURES = {"sorted", "sort", "min", "max", "elementsEqual"}
# Sequence methods that return the elements again.
SAME_ARRAY_RESULTS = {"filter", "sorted", "reversed", "shuffled"}
# Sequence methods that return one element, optional.
ELEMENT_RESULTS = {"first", "last", "min", "max", "randomElement", "popLast"}

# Statements tree-sitter-swift 0.7 can read as a call (`defer { ... }`).
KEYWORD_CALLS = {"defer", "do", "repeat", "catch", "switch", "if", "guard", "while", "return"}

# Free functions of Swift, Foundation and the SDKs the app may call.
SDK_FUNCTIONS = set("""
print debugPrint min max abs zip stride repeatElement precondition preconditionFailure assert
assertionFailure fatalError type withAnimation withTransaction withCheckedContinuation
withCheckedThrowingContinuation withTaskGroup withThrowingTaskGroup withUnsafeBytes
withUnsafeMutableBytes withExtendedLifetime SecItemAdd SecItemCopyMatching SecItemDelete
SecItemUpdate SecAccessControlCreateWithFlags SecRandomCopyBytes String max mach_absolute_time
NSLocalizedString String localizedStringWithFormat round floor ceil sqrt pow exp log sin cos
XCTAssert XCTAssertEqual XCTAssertNotEqual XCTAssertTrue XCTAssertFalse XCTAssertNil XCTAssertNotNil
XCTAssertThrowsError XCTAssertNoThrow XCTUnwrap XCTFail XCTAssertGreaterThan XCTAssertLessThan
XCTAssertGreaterThanOrEqual XCTAssertLessThanOrEqual expect require withKnownIssue addTeardownBlock
expectation fulfillment wait XCTExpectFailure dump swap sequence numericCast withObservationTracking
withUnsafePointer withUnsafeMutablePointer withTaskCancellationHandler withDiscardingTaskGroup
withThrowingDiscardingTaskGroup AudioServicesPlaySystemSound
""".split())

# Members every value has (or every generated type gets from its
# conformances: Equatable, Hashable, Error, LocalizedError).
UNIVERSAL_MEMBERS = {"self", "init", "hashValue", "hash", "description", "debugDescription",
                     "localizedDescription", "errorDescription"}
CONFORMANCE_MEMBERS = {"CaseIterable": {"allCases"}, "Identifiable": {"id"},
                       "CustomStringConvertible": {"description"}, "RawRepresentable": {"rawValue"}}
KEYWORD_TYPES = {"throws", "rethrows", "async", "some", "any", "unchecked", "escaping", "Sendable",
                 "preconcurrency", "retroactive"}


class Sig:
    def __init__(self, params, ret):
        self.params = params  # [(label or None, type text, has_default)]
        self.ret = ret

    def accepts(self, labels):
        """Whether call labels (None for unlabelled) fit, in order."""
        i = 0
        for label in labels:
            while i < len(self.params) and self.params[i][0] != label and self.params[i][2]:
                i += 1
            if i >= len(self.params) or self.params[i][0] != label:
                return False
            i += 1
        return all(p[2] for p in self.params[i:])

    def param_type(self, labels, index):
        """The declared type of the index-th argument of a call that fits."""
        i = 0
        for n, label in enumerate(labels):
            while i < len(self.params) and self.params[i][0] != label and self.params[i][2]:
                i += 1
            if n == index:
                return self.params[i][1]
            i += 1
        return None

    def show(self, name):
        return name + "(" + "".join(f"{p[0] or '_'}:" for p in self.params) + ")"


class CoreType:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind
        self.fields = {}  # name -> type text
        self.methods = {}  # name -> [Sig]
        self.statics = {}  # name -> [Sig]
        self.inits = []  # [Sig]
        self.cases = {}  # name -> [(label, type text)]

    def members(self):
        return set(self.fields) | set(self.methods) | set(self.statics) | set(self.cases)


def norm(type_text):
    """A type's text without layout: `[String : Int ]` -> `[String:Int]`, `any P` kept."""
    t = re.sub(r"\s+", " ", type_text or "").strip()
    return re.sub(r" ?([^\w ]) ?", r"\1", t)


def strip_optional(t):
    if t is None:
        return None
    t = t.strip()
    while True:
        before = t
        while t.endswith("?") or t.endswith("!"):
            t = t[:-1]
        m = re.fullmatch(r"Optional<(.*)>", t)
        if m:
            t = m.group(1)
        if t.startswith("(") and t.endswith(")") and "," not in t and "->" not in t:
            t = t[1:-1]
        for prefix in ("any ", "some "):
            if t.startswith(prefix):
                t = t[len(prefix):]
        if t == before:
            return t


def generic_args(t, name):
    """`Result<A,B>` -> [A, B] for name "Result", else None."""
    t = strip_optional(t) or ""
    if not (t.startswith(name + "<") and t.endswith(">")):
        return None
    inner, depth, parts, start = t[len(name) + 1:-1], 0, [], 0
    for i, ch in enumerate(inner):
        if ch in "<[(":
            depth += 1
        elif ch in ">])":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
    parts.append(inner[start:])
    return parts


def is_optional(t):
    """`T?`: a member access needs `?.` (else it is Optional's own, e.g. map)."""
    t = (t or "").strip()
    return t.endswith("?") or t.startswith("Optional<")


def enumerated_of(t):
    """`X.enumerated()` seen as a type: the element of its pairs' second half."""
    return t[len("enumerated:"):] if t and t.startswith("enumerated:") else None


def element_of(t):
    t = strip_optional(t)
    if t and t.startswith("[") and t.endswith("]") and ":" not in t:
        return t[1:-1]
    m = re.fullmatch(r"Array<(.*)>", t or "")
    return m.group(1) if m else None


def decl_keyword(node):
    for c in node.children:
        if not c.is_named and c.type in ("class", "struct", "enum", "extension", "actor", "protocol"):
            return c.type
    return None


def modifiers(source, node):
    for c in node.children:
        if c.type == "modifiers":
            return text(source, c).split()
    return []


def is_public(source, node):
    return any(m in ("public", "open") for m in modifiers(source, node))


def is_static(source, node):
    return any(m in ("static", "class") for m in modifiers(source, node))


def type_node_text(source, node):
    """The return / annotated type of a declaration node, if written."""
    for c in node.children:
        if c.type == "type_annotation":
            for t in c.children:
                if t.is_named:
                    return norm(text(source, t))
    return None


def signature(source, node):
    params = []
    ret = None
    children = node.children
    seen_arrow = False
    for i, c in enumerate(children):
        if c.type == "parameter":
            ext = c.child_by_field_name("external_name")
            names = [x for x in c.children if x.type == "simple_identifier"]
            label = text(source, ext) if ext is not None else (text(source, names[0]) if names else None)
            if label == "_":
                label = None
            ptype = None
            for x in c.children:
                if x.is_named and x.type not in ("simple_identifier", "parameter_modifiers") and \
                        c.field_name_for_child(c.children.index(x)) == "name":
                    ptype = norm(text(source, x))
            j = i + 1
            while j < len(children) and not children[j].is_named:
                j += 1
            default = j < len(children) and node.field_name_for_child(j) == "default_value"
            params.append([label, ptype, default])
        elif not c.is_named and c.type == "->":
            seen_arrow = True
        elif seen_arrow and c.is_named and ret is None and c.type != "function_body":
            ret = norm(text(source, c))
    return Sig([tuple(p) for p in params], ret)


def enum_entries(source, node):
    """[(case name, [(label, type text)])] of one enum_entry."""
    out = []
    current = None
    for c in node.children:
        if c.type == "simple_identifier" and node.field_name_for_child(node.children.index(c)) == "name":
            current = [text(source, c), []]
            out.append(current)
        elif c.type == "enum_type_parameters" and current is not None:
            label = None
            for p in c.children:
                if p.type == "simple_identifier":
                    label = text(source, p)
                elif p.is_named and p.type not in ("default_value",):
                    current[1].append((label, norm(text(source, p))))
                    label = None
    return [(n, ps) for n, ps in out]


def property_names(source, node):
    names = []
    for c in node.children:
        if c.type == "pattern":
            b = c.child_by_field_name("bound_identifier")
            if b is not None:
                names.append(text(source, b))
    return names


def collect_members(source, body, ty, public_only):
    for m in body.children:
        if m.type in ("function_declaration", "protocol_function_declaration"):
            if public_only and m.type == "function_declaration" and not is_public(source, m):
                continue
            name_node = m.child_by_field_name("name")
            if name_node is None:
                continue
            name = text(source, name_node).strip("`")
            table = ty.statics if is_static(source, m) else ty.methods
            table.setdefault(name, []).append(signature(source, m))
        elif m.type in ("property_declaration", "protocol_property_declaration"):
            if public_only and m.type == "property_declaration" and not is_public(source, m):
                continue
            t = type_node_text(source, m)
            for name in property_names(source, m):
                if is_static(source, m):
                    ty.statics.setdefault(name, [])
                else:
                    ty.fields[name] = t
        elif m.type == "init_declaration":
            if public_only and not is_public(source, m):
                continue
            ty.inits.append(signature(source, m))
        elif m.type == "enum_entry":
            for name, params in enum_entries(source, m):
                ty.cases[name] = params
        elif m.type in ("class_declaration", "typealias_declaration") and (not public_only or is_public(source, m)):
            n = m.child_by_field_name("name")
            if n is not None:
                ty.statics.setdefault(text(source, n), [])  # a nested type (Vault.NoHandle)


class Bindings:
    """What the generated Swift declares."""

    def __init__(self, path):
        source, tree = swift_tree.parse(pathlib.Path(path).read_bytes())
        self.types = {}
        self.functions = {}
        for node in tree.root_node.children:
            if node.type in ("class_declaration", "protocol_declaration"):
                kind = "protocol" if node.type == "protocol_declaration" else decl_keyword(node)
                name_node = node.child_by_field_name("name")
                if name_node is None:
                    continue
                name = text(source, name_node)
                body = node.child_by_field_name("body")
                if kind == "extension":
                    ty = self.types.get(name)
                    if ty is not None and body is not None:
                        collect_members(source, body, ty, public_only=True)
                    continue
                if not is_public(source, node) or name.startswith("FfiConverter"):
                    continue
                ty = self.types.setdefault(name, CoreType(name, kind))
                if body is not None:
                    collect_members(source, body, ty, public_only=kind != "protocol")
            elif node.type == "typealias_declaration" and is_public(source, node):
                name = text(source, node.child_by_field_name("name"))
                self.types.setdefault(name, CoreType(name, "typealias"))
            elif node.type == "function_declaration" and is_public(source, node):
                name = text(source, node.child_by_field_name("name")).strip("`")
                if name.startswith(("FfiConverter", "uniffi")):
                    continue
                self.functions.setdefault(name, []).append(signature(source, node))
        # The types the bindings' members name are the core's, whatever the
        # app declares: qualify them so an app type of the same name (the
        # TodayScreen view) never stands in for them.
        for ty in self.types.values():
            ty.fields = {k: self.qualify(t) for k, t in ty.fields.items()}
            ty.cases = {k: [(label, self.qualify(t)) for label, t in ps] for k, ps in ty.cases.items()}
            for table in (ty.methods, ty.statics):
                for k, sigs in table.items():
                    table[k] = [self.qualify_sig(sig) for sig in sigs]
            ty.inits = [self.qualify_sig(sig) for sig in ty.inits]
        for k, sigs in self.functions.items():
            self.functions[k] = [self.qualify_sig(sig) for sig in sigs]

    def qualify(self, t):
        if t is None:
            return None
        return re.sub(r"(?<![\w.])([A-Z]\w*)",
                      lambda m: "KeelCore." + m.group(1) if m.group(1) in self.types else m.group(1), t)

    def qualify_sig(self, sig):
        return Sig([(label, self.qualify(t), d) for label, t, d in sig.params], self.qualify(sig.ret))


def constructed_type(source, prop):
    """`var state = State()`: the type a property is initialised with."""
    value = prop.child_by_field_name("value")
    if value is not None and value.type == "call_expression" and value.children[0].type == "simple_identifier":
        name = text(source, value.children[0])
        if name[:1].isupper():
            return name
    return None


def module_of(rel):
    """The Swift module a file under ios/ belongs to (brief's layout)."""
    parts = pathlib.PurePath(rel).parts
    if parts[:1] == ("App",):
        return "App"
    if parts[:3] == ("KeelCore", "Sources", "KeelKit"):
        return "KeelKit"
    if parts[:2] == ("KeelCore", "Tests"):
        return "Tests"
    return "Other"


def visible_modules(module):
    """The app's modules whose names a file of `module` sees (KeelKit is
    imported by the app target and the tests)."""
    return {module, "KeelKit"}


def type_path(source, node):
    """`TodayModel.State` for a declaration nested in another (extensions
    count by the name they extend)."""
    names = []
    n = node
    while n is not None:
        if n.type in ("class_declaration", "protocol_declaration"):
            name = n.child_by_field_name("name")
            if name is not None:
                names.append(norm(text(source, name)))
        n = n.parent
    return ".".join(reversed(names))


class AppTypes:
    """What the app's own sources declare, over every file. Types are kept
    with their module, so the app target's own `TodayScreen` view shadows the
    core record there but not in KeelKit; member types written in one module
    are qualified (`KeelCore.TodayScreen`) when they name a core type there."""

    def __init__(self, bindings):
        self.b = bindings
        self.types = {}  # type-like name -> set of modules that declare it
        self.nested = set()  # full paths of the app's types (TodayModel.State)
        self.fields = {}  # type name -> {member: type text or None}
        self.methods = {}  # type name -> {method: return type text or None}
        self.sigs = {}  # type name -> {method: [Sig]}
        self.inits = {}  # type name -> [Sig] (declared, or a struct's memberwise one)
        self.functions = set()  # every function name the app declares
        self.extensions = {}  # type name -> set of member names the app adds
        self.conformances = {}  # type name -> set of protocols added by the app

    def shadowed(self, name, module):
        """Whether `name` in a file of `module` is the app's, not the core's."""
        return bool(self.types.get(name, set()) & visible_modules(module))

    def qualify(self, t, module):
        if t is None:
            return None

        def q(m):
            name = m.group(1)
            if name in self.b.types and not self.shadowed(name, module):
                return "KeelCore." + name
            return name

        return re.sub(r"(?<![\w.])([A-Z]\w*)", q, t)

    def add_types(self, source, tree, module):
        for node in walk(tree.root_node):
            name = None
            if node.type in ("class_declaration", "protocol_declaration"):
                if node.type == "protocol_declaration" or decl_keyword(node) != "extension":
                    n = node.child_by_field_name("name")
                    name = norm(text(source, n)) if n is not None else None
            elif node.type in ("typealias_declaration", "associatedtype_declaration"):
                name = text(source, node.child_by_field_name("name"))
            elif node.type == "type_parameter":
                for c in node.children:
                    if c.type == "type_identifier":
                        self.types.setdefault(text(source, c), set()).add(module)
            elif node.type in ("function_declaration", "protocol_function_declaration"):
                n = node.child_by_field_name("name")
                if n is not None:
                    self.functions.add(text(source, n))
            if name:
                self.types.setdefault(name, set()).add(module)
                if node.type in ("class_declaration", "protocol_declaration"):
                    self.nested.add(type_path(source, node))

    def resolve_nested(self, t, path):
        """`State` written inside TodayModel -> `TodayModel.State`."""
        if t is None:
            return None

        def r(m):
            name = m.group(1)
            scope = path.split(".")
            while scope:
                candidate = ".".join(scope + [name])
                if candidate in self.nested and candidate != name:
                    return candidate
                scope.pop()
            return name

        return re.sub(r"(?<![\w.])([A-Z]\w*)", r, t)

    def add_members(self, source, tree, module):
        for node in walk(tree.root_node):
            if node.type not in ("class_declaration", "protocol_declaration"):
                continue
            name_node = node.child_by_field_name("name")
            if name_node is None:
                continue
            name = norm(text(source, name_node))
            path = type_path(source, node)
            for c in node.children:
                if c.type == "inheritance_specifier":
                    self.conformances.setdefault(name, set()).add(norm(text(source, c)).split(".")[-1])
            body = node.child_by_field_name("body")
            if body is None:
                continue
            if path != name:
                self.add_body(source, node, body, path, path, module)
            self.add_body(source, node, body, name, path, module)

    def add_body(self, source, node, body, name, path, module):
        """Members of one type body, under `name` (simple or full path)."""
        fields = self.fields.setdefault(name, {})
        added = self.extensions.setdefault(name, set())
        inits = [m for m in body.children if m.type == "init_declaration"]
        for m in inits:
            sig = signature(source, m)
            self.inits.setdefault(name, []).append(
                Sig([(label, self.resolve_nested(self.qualify(t, module), path), d)
                     for label, t, d in sig.params], None))
        if not inits and decl_keyword(node) == "struct":
            params = []
            for m in body.children:
                if m.type != "property_declaration" or is_static(source, m) \
                        or m.child_by_field_name("computed_value") is not None:
                    continue
                t = type_node_text(source, m)
                is_var = any(c.type == "value_binding_pattern" and text(source, c) == "var" for c in m.children)
                default = m.child_by_field_name("value") is not None or (is_var and is_optional(t))
                if default and not is_var:
                    continue  # a `let` with a value is not an init parameter
                for p in property_names(source, m):
                    params.append((p, self.resolve_nested(self.qualify(t, module), path), default))
            self.inits.setdefault(name, []).append(Sig(params, None))
        for m in body.children:
            if m.type in ("property_declaration", "protocol_property_declaration"):
                t = self.resolve_nested(
                    self.qualify(type_node_text(source, m) or constructed_type(source, m), module), path)
                for p in property_names(source, m):
                    fields[p] = t if fields.get(p, t) == t else None
                    added.add(p)
            elif m.type in ("function_declaration", "protocol_function_declaration"):
                n = m.child_by_field_name("name")
                if n is None:
                    continue
                key = text(source, n).strip("`")
                added.add(key)
                sig = signature(source, m)
                sig = Sig([(label, self.resolve_nested(self.qualify(t, module), path), d)
                           for label, t, d in sig.params],
                          self.resolve_nested(self.qualify(sig.ret, module), path))
                self.sigs.setdefault(name, {}).setdefault(key, []).append(sig)
                methods = self.methods.setdefault(name, {})
                methods[key] = sig.ret if methods.get(key, sig.ret) == sig.ret else None
            elif m.type == "enum_entry":
                for case, _ in enum_entries(source, m):
                    added.add(case)


class Checker:
    def __init__(self, bindings, app):
        self.b = bindings
        self.app = app
        self.problems = []
        self.uses = 0

    # -- reporting -------------------------------------------------------

    def fail(self, node, message):
        self.problems.append(f"{self.path}:{line(node)}: {message}")

    def use(self):
        self.uses += 1

    # -- types -------------------------------------------------------------

    def core(self, t):
        """The core type a type text names (not when the app declares its own)."""
        t = strip_optional(t)
        qualified = (t or "").startswith("KeelCore.")
        if qualified:
            t = t[len("KeelCore."):]
        if not t or (self.app.shadowed(t, self.module) and not qualified):
            return None
        return self.b.types.get(t)

    def known_type_name(self, name):
        return name in self.app.types or name in self.b.types or name in SDK_TYPES or name in MODULES

    def members_of(self, ty):
        extra = set(self.app.extensions.get(ty.name, set()))
        for proto in self.app.conformances.get(ty.name, set()):
            extra |= CONFORMANCE_MEMBERS.get(proto, set())
        return ty.members() | extra | UNIVERSAL_MEMBERS

    def lookup(self, env, name):
        for scope in reversed(env):
            if name in scope:
                return scope[name]
        return None

    def bind(self, env, name, t):
        scope = env[-1]
        if name in scope and scope[name] != t:
            scope[name] = None
        else:
            scope[name] = t

    def type_of(self, node, env):
        """The type text of an expression, or None when not known."""
        if node is None:
            return None
        kind = node.type
        if kind == "navigation_expression" and self.is_module(node.child_by_field_name("target"), "KeelCore"):
            member = self.suffix_name(node)
            return "meta:" + member if member in self.b.types else None
        if kind == "simple_identifier":
            name = text(self.source, node)
            t = self.lookup(env, name)
            if t is None and name in self.b.types and not self.app.shadowed(name, self.module) \
                    and not self.declared_value(env, name):
                return "meta:" + name
            return t
        if kind == "self_expression":
            return self.lookup(env, "self")
        if kind in ("try_expression", "await_expression"):
            return self.type_of(node.child_by_field_name("expr"), env)
        if kind == "postfix_expression":
            op = node.child_by_field_name("operation")
            if op is not None and text(self.source, op) in ("!", "?"):
                return strip_optional(self.type_of(node.child_by_field_name("target"), env))
            return None
        if kind == "navigation_expression":
            base = self.target_type(node, env)
            member = self.suffix_name(node)
            if base is None or member is None or is_optional(base):
                return None
            if member in ("first", "last") and element_of(base):
                return element_of(base) + "?"
            if base.startswith("meta:"):
                ty = self.b.types.get(base[5:])
                if ty is not None and member in ty.cases and not ty.cases[member]:
                    return "KeelCore." + ty.name
                return None
            ty = self.core(base)
            if ty is not None:
                return ty.fields.get(member)
            fields = self.app.fields.get(strip_optional(base) or "", {})
            return fields.get(member)
        if kind == "call_expression":
            callee = node.children[0]
            if callee.type == "navigation_expression" and self.suffix_name(callee) == "enumerated":
                e = element_of(self.target_type(callee, env))
                return "enumerated:" + e if e else None
            if callee.type == "navigation_expression" and self.suffix_name(callee) in SAME_ARRAY_RESULTS:
                e = element_of(self.target_type(callee, env))
                return "[" + e + "]" if e else None  # xs.filter { ... }, xs.sorted { ... }
            if callee.type == "navigation_expression" and self.suffix_name(callee) in ELEMENT_RESULTS:
                e = element_of(self.target_type(callee, env))
                return e + "?" if e else None  # xs.first { ... }, xs.max(by:)
            if self.is_module(callee, "Array"):
                labels = self.call_labels(node)
                if labels and len(labels[1]) == 1 and labels[0] == [None]:
                    return self.type_of(labels[1][0], env)  # Array(xs.enumerated())
            if callee.type == "simple_identifier" and not self.declared_value(env, text(self.source, callee)):
                owner = strip_optional(self.lookup(env, "self") or "")
                found = self.app.methods.get(owner, {}).get(text(self.source, callee))
                if found:
                    return found  # a method of the enclosing type, called without self.
            if callee.type == "navigation_expression":
                base = self.target_type(callee, env)
                if base is not None and not is_optional(base) and strip_optional(base) in self.app.methods:
                    return self.app.methods[strip_optional(base)].get(self.suffix_name(callee))
            if callee.type == "simple_identifier" and self.app.shadowed(text(self.source, callee), self.module) \
                    and not self.declared_value(env, text(self.source, callee)):
                return text(self.source, callee)
            sig = self.resolve_call(callee, node, env)
            return sig.ret if sig is not None else None
        return None

    def target_type(self, nav, env):
        """The type of a member access's base; `x?.y` (tree-sitter keeps the
        `?` as a token of the navigation) unwraps it."""
        t = self.type_of(nav.child_by_field_name("target"), env)
        if t is not None and any(c.type == "?" for c in nav.children):
            t = strip_optional(t)
        return t

    def is_module(self, node, name):
        return node is not None and node.type == "simple_identifier" and text(self.source, node) == name

    def declared_value(self, env, name):
        return any(name in scope for scope in env)

    def suffix_name(self, nav):
        suffix = nav.child_by_field_name("suffix")
        if suffix is None:
            return None
        inner = suffix.child_by_field_name("suffix")
        return text(self.source, inner) if inner is not None and inner.type == "simple_identifier" else None

    def call_labels(self, call):
        """(labels, argument nodes) of the parenthesised arguments, or None."""
        suffix = next((c for c in call.children if c.type == "call_suffix"), None)
        if suffix is None:
            return None
        args = next((c for c in suffix.children if c.type == "value_arguments"), None)
        if args is None:
            return [], []
        labels, values = [], []
        for a in args.children:
            if a.type != "value_argument":
                continue
            name = a.child_by_field_name("name")
            labels.append(text(self.source, name).strip().rstrip(":") if name is not None else None)
            values.append(a.child_by_field_name("value"))
        return labels, values

    def resolve_call(self, callee, call, env):
        """The signature a call resolves to when its target is a core API."""
        labels = self.call_labels(call)
        if labels is None:
            return None
        labels = labels[0]
        if callee.type == "simple_identifier":
            name = text(self.source, callee)
            if self.declared_value(env, name):
                return None
            if name in self.b.types and not self.app.shadowed(name, self.module):
                return self.pick(self.b.types[name].inits, labels) or Sig([], "KeelCore." + name)
            if name in self.b.functions and name not in self.app.functions:
                return self.pick(self.b.functions[name], labels)
            return None
        if callee.type == "navigation_expression":
            member = self.suffix_name(callee)
            base = self.target_type(callee, env)
            if base is None or member is None or is_optional(base):
                return None
            if base.startswith("meta:"):
                ty = self.b.types[base[5:]]
                if member in ty.cases:
                    return Sig([(label, t, False) for label, t in ty.cases[member]], "KeelCore." + ty.name)
                return self.pick(ty.statics.get(member, []), labels)
            ty = self.core(base)
            if ty is not None:
                return self.pick(ty.methods.get(member, []), labels)
        return None

    def pick(self, sigs, labels):
        for sig in sigs:
            if sig.accepts(labels):
                return sig
        return None

    # -- walking ---------------------------------------------------------------

    def check_file(self, path, source, tree, module="App"):
        self.path = path
        self.source = source
        self.module = module
        env = [self.file_scope(tree.root_node)]
        self.visit(tree.root_node, env)

    def file_scope(self, root):
        scope = {}
        for c in root.children:
            if c.type == "property_declaration":
                self.declare_property(c, [scope])
        return scope

    def declare_property(self, node, env):
        t = type_node_text(self.source, node)
        if t is None:
            value = node.child_by_field_name("value")
            t = self.type_of(value, env) if value is not None else None
            if t is not None and t.startswith("meta:"):
                t = None
        for name in property_names(self.source, node):
            self.bind(env, name, t)

    def visit(self, node, env):
        handler = getattr(self, "visit_" + node.type, None)
        if handler is not None:
            if handler(node, env) is False:
                return
        for c in node.children:
            self.visit(c, env)

    def visit_attribute(self, node, env):
        return False  # @State, @MainActor, @Sendable (T) throws -> U: not type uses

    def visit_type_identifier(self, node, env):
        name = text(self.source, node)
        parent = node.parent
        if parent is not None and parent.type == "user_type":
            siblings = [c for c in parent.children if c.type == "type_identifier"]
            idx = siblings.index(node) if node in siblings else 0
            if idx > 1 or (idx == 1 and text(self.source, siblings[0]) not in MODULES):
                return  # a nested type (Vault.NoHandle, Foo.Bar): not checked
        if parent is not None and parent.type in ("class_declaration", "protocol_declaration",
                                                   "typealias_declaration", "associatedtype_declaration",
                                                   "type_parameter"):
            return
        if name in KEYWORD_TYPES:
            return
        if name in self.b.types:
            self.use()
        if not self.known_type_name(name):
            self.fail(node, f"type {name}: not in the bindings, not declared in the app, not a known SDK type")

    def visit_class_declaration(self, node, env):
        kind = decl_keyword(node)
        name_node = node.child_by_field_name("name")
        name = norm(text(self.source, name_node)) if name_node is not None else None
        if kind == "extension" and name is not None:
            self.visit(name_node, env)
        path = type_path(self.source, node)
        key = path if path in self.app.fields else name
        scope = {"self": key}
        for m, t in self.app.fields.get(key, {}).items():
            scope[m] = t
        ty = self.core(name) if kind == "extension" else None
        if ty is not None:
            scope["self"] = "KeelCore." + ty.name
            for m, t in ty.fields.items():
                scope.setdefault(m, t)
        for c in node.children:
            if c is not name_node:
                self.visit(c, env + [scope])
        return False

    def visit_control_transfer_statement(self, node, env):
        result = node.child_by_field_name("result")
        if result is not None and node.children and node.children[0].type == "return":
            self.check_implicit(result, self.lookup(env, "#return"))

    def visit_function_declaration(self, node, env):
        scope = {"#return": signature(self.source, node).ret} if node.type == "function_declaration" else {}
        for c in node.children:
            if c.type == "parameter":
                names = [x for x in c.children if x.type == "simple_identifier"]
                ptype = None
                for i, x in enumerate(c.children):
                    if x.is_named and x.type != "simple_identifier" and c.field_name_for_child(i) == "name":
                        ptype = norm(text(self.source, x))
                if names:
                    scope[text(self.source, names[-1])] = ptype
        for c in node.children:
            self.visit(c, env + [scope])
        return False

    visit_init_declaration = visit_function_declaration

    def visit_lambda_literal(self, node, env):
        scope = {}
        params = [p for p in walk(node.child_by_field_name("type")) if p.type == "lambda_parameter"] \
            if node.child_by_field_name("type") is not None else []
        implied = self.closure_parameter_types(node, env, len(params))
        for i, p in enumerate(params):
            n = p.child_by_field_name("name")
            if n is None:
                continue
            ptype = None
            for x in p.children:
                if x.is_named and x is not n and x.type != "simple_identifier":
                    ptype = norm(text(self.source, x))
            if ptype is None and i < len(implied):
                ptype = implied[i]
            scope[text(self.source, n)] = ptype
        if not params:
            # `$0`, `$1`: the closure's arity is the highest one it names.
            own = [n for n in walk(node) if n.type == "simple_identifier" and text(self.source, n) in ("$0", "$1")]
            arity = 2 if any(text(self.source, n) == "$1" for n in own) else 1 if own else 0
            for i, t in enumerate(self.closure_parameter_types(node, env, arity) if arity else []):
                if t is not None:
                    scope[f"${i}"] = t
        scope["#return"] = None  # `return` in a closure is the closure's
        for c in node.children:
            self.visit(c, env + [scope])
        return False

    def enclosing_call(self, lam):
        """(callee, argument values) of the call a closure is an argument of."""
        parent = lam.parent
        if parent is not None and parent.type == "value_argument":
            parent = parent.parent.parent if parent.parent is not None else None
        if parent is None or parent.type != "call_suffix" or parent.parent is None:
            return None, []
        call = parent.parent
        callee = call.children[0]
        while callee.type == "call_expression":  # f(a) { trailing }
            call = callee
            callee = callee.children[0]
        labels = self.call_labels(call)
        return callee, (labels[1] if labels else [])

    def closure_parameter_types(self, lam, env, count):
        """What the checker knows of a closure's parameters from its call:
        VaultProxy's `perform { vault in }` gets the Vault; `ForEach(xs) { x in }`
        and `xs.map/filter/forEach/first/contains/... { x in }` the element."""
        callee, args = self.enclosing_call(lam)
        if callee is None:
            return []
        if callee.type == "simple_identifier":
            name = text(self.source, callee)
            if name == "perform" and "Vault" in self.b.types:
                return ["KeelCore.Vault"]
            if name == "ForEach" and args:
                t = self.type_of(args[0], env)
                if count == 1:
                    return [element_of(t)]
                if count == 2 and enumerated_of(t):
                    return [None, enumerated_of(t)]  # ForEach(Array(xs.enumerated()), ...) { i, x in }
            return []
        if callee.type != "navigation_expression":
            return []
        member = self.suffix_name(callee)
        if member == "perform" and "Vault" in self.b.types:
            return ["KeelCore.Vault"]
        if member in ELEMENT_CLOSURES and count == 1:
            return [element_of(self.target_type(callee, env))]
        if member in ELEMENT_CLOSURES and count == 2:
            pair = enumerated_of(self.target_type(callee, env))
            return [None, pair] if pair else []
        if member in PAIR_CLOSURES and count == 2:
            e = element_of(self.target_type(callee, env))
            return [e, e]
        return []

    def visit_statements(self, node, env):
        scope = {}
        inner = env + [scope]
        for c in node.children:
            self.visit(c, inner)
            if c.type == "property_declaration":
                self.declare_property(c, inner)
            elif c.type == "guard_statement":
                self.bind_conditions(c, inner)
        return False

    def bind_conditions(self, node, env):
        """`if let x = e` / `guard let x = e`: x takes e's type, unwrapped."""
        children = node.children
        for i, c in enumerate(children):
            if c.type == "bound_identifier" or (node.field_name_for_child(i) == "bound_identifier"):
                if i + 2 < len(children) and children[i + 1].type == "=":
                    value = children[i + 2]
                else:
                    value = c  # `if let name {`: the same name, unwrapped
                t = strip_optional(self.type_of(value, env)) if value is not None else None
                if t is not None and t.startswith("meta:"):
                    t = None
                self.bind(env, text(self.source, c), t)

    def visit_if_statement(self, node, env):
        inner = env + [{}]
        for c in node.children:
            if c.type != "statements":
                self.visit(c, inner)
        self.bind_conditions(node, inner)
        for c in node.children:
            if c.type == "statements":
                self.visit(c, inner)
        return False

    def visit_for_statement(self, node, env):
        item = node.child_by_field_name("item")
        coll = node.child_by_field_name("collection")
        scope = {}
        if coll is not None:
            self.visit(coll, env)
        ct = self.type_of(coll, env) if coll is not None else None
        t = element_of(ct)
        if item is not None:
            b = item.child_by_field_name("bound_identifier")
            if b is not None:
                scope[text(self.source, b)] = t
            parts = [c for c in item.children if c.type == "pattern"]
            if len(parts) == 2 and enumerated_of(ct):  # for (i, x) in xs.enumerated()
                names = [c for c in parts[1].children if c.type == "simple_identifier"]
                if len(names) == 1:
                    scope[text(self.source, names[0])] = enumerated_of(ct)
        for c in node.children:
            if c is not coll:
                self.visit(c, env + [scope])
        return False

    # -- expressions ---------------------------------------------------------

    def visit_navigation_expression(self, node, env):
        target = node.child_by_field_name("target")
        member = self.suffix_name(node)
        if target is not None and target.type == "simple_identifier":
            name = text(self.source, target)
            if name[:1].isupper() and not self.declared_value(env, name):
                if name in self.b.types:
                    self.use()
                elif name in MODULES:
                    if name == "KeelCore" and member is not None and member not in self.b.types \
                            and member not in self.b.functions:
                        self.fail(node, f"KeelCore.{member}: not in the bindings")
                    return False
                elif not self.known_type_name(name):
                    self.fail(target, f"type {name}: not in the bindings, not declared in the app, not a known SDK type")
        base = self.target_type(node, env)
        if base is not None and member is not None and not is_optional(base):
            if base.startswith("meta:"):
                ty = self.b.types[base[5:]]
                self.use()
                if member not in self.members_of(ty):
                    self.fail(node, f"{ty.name}.{member}: no such case or static member in the bindings")
            else:
                ty = self.core(base)
                if ty is not None:
                    self.use()
                    if member not in self.members_of(ty):
                        self.fail(node, f"{ty.name}.{member}: no such member in the bindings")

    def visit_call_expression(self, node, env):
        callee = node.children[0]
        labels = self.call_labels(node)
        if labels is None:
            return
        labels, values = labels
        expected = None
        if callee.type == "simple_identifier":
            name = text(self.source, callee)
            if self.declared_value(env, name):
                return
            if name in self.b.types and not self.app.shadowed(name, self.module):
                ty = self.b.types[name]
                self.use()
                sig = self.pick(ty.inits, labels)
                if sig is None:
                    shown = ", ".join(s.show(name) for s in ty.inits) or "none"
                    self.fail(node, f"{name}({''.join((l or '_') + ':' for l in labels)}): no initializer with these labels in the bindings (has {shown})")
                expected = sig
            elif name in self.b.functions and name not in self.app.functions:
                self.use()
                sig = self.pick(self.b.functions[name], labels)
                if sig is None:
                    self.fail(node, f"{name}({''.join((l or '_') + ':' for l in labels)}): labels do not match the bindings' {self.b.functions[name][0].show(name)}")
                expected = sig
            elif name in SDK_FUNCTIONS or name in KEYWORD_CALLS:
                pass
            elif self.app.shadowed(name, self.module):
                # The app's own type: its labels are the compiler's business,
                # but a core enum its initializer takes is checked.
                expected = self.pick(self.app.inits.get(name, []), labels)
            elif name[:1].isupper():
                if not self.known_type_name(name):
                    self.fail(callee, f"type {name}: not in the bindings, not declared in the app, not a known SDK type")
            elif name not in self.app.functions and name not in SDK_FUNCTIONS:
                self.fail(callee, f"function {name}: not in the bindings, not declared in the app, not a known SDK function")
        elif callee.type == "navigation_expression":
            member = self.suffix_name(callee)
            target = callee.child_by_field_name("target")
            if target is not None and target.type == "simple_identifier" and text(self.source, target) == "KeelCore" \
                    and member in self.b.functions:
                self.use()
                expected = self.pick(self.b.functions[member], labels)
                if expected is None:
                    self.fail(node, f"KeelCore.{member}: labels do not match the bindings")
            base = self.target_type(callee, env)
            if base is not None and member is not None and not is_optional(base):
                if base.startswith("meta:"):
                    ty = self.b.types[base[5:]]
                    if member in ty.cases:
                        params = ty.cases[member]
                        want = [p[0] for p in params]
                        if labels != want:
                            self.fail(node, f"{ty.name}.{member}: associated values are ({', '.join((l or '_') for l in want)}) in the bindings")
                        expected = Sig([(l, t, False) for l, t in params], "KeelCore." + ty.name)
                    elif member in ty.statics:
                        expected = self.pick(ty.statics[member], labels)
                        if expected is None and ty.statics[member]:
                            self.fail(node, f"{ty.name}.{member}: labels do not match the bindings' {ty.statics[member][0].show(member)}")
                elif not is_optional(base) and strip_optional(base) in self.app.sigs:
                    # The app's own method: its labels are the compiler's
                    # business, but a core enum it takes is checked.
                    expected = self.pick(self.app.sigs[strip_optional(base)].get(member, []), labels)
                else:
                    ty = self.core(base)
                    if ty is not None and member in ty.methods:
                        expected = self.pick(ty.methods[member], labels)
                        if expected is None:
                            shown = ", ".join(s.show(member) for s in ty.methods[member])
                            self.fail(node, f"{ty.name}.{member}({''.join((l or '_') + ':' for l in labels)}): labels do not match the bindings' {shown}")
        if expected is not None:
            for i, value in enumerate(values):
                self.check_implicit(value, expected.param_type(labels, i))

    def check_implicit(self, value, expected_type):
        """`.caseName` (or `.caseName(label: ...)`) where a core enum is
        expected, also inside `c ? .a : .b`, `x ?? .a` and `[.a, .b]`."""
        if value is None or expected_type is None:
            return
        kind = value.type
        if kind == "ternary_expression":
            self.check_implicit(value.child_by_field_name("if_true"), expected_type)
            self.check_implicit(value.child_by_field_name("if_false"), expected_type)
            return
        if kind == "nil_coalescing_expression":
            self.check_implicit(value.child_by_field_name("if_nil"), expected_type)
            return
        if kind == "array_literal":
            e = element_of(expected_type)
            for c in value.children:
                if c.is_named:
                    self.check_implicit(c, e)
            return
        call = None
        if kind == "call_expression" and value.children[0].type == "prefix_expression":
            call, value = value, value.children[0]
        if value.type != "prefix_expression":
            return
        if len(value.children) < 2 or text(self.source, value.children[0]) != ".":
            return
        ty = self.core(expected_type)
        target = value.child_by_field_name("target")
        if ty is None or target is None or target.type != "simple_identifier":
            return
        name = text(self.source, target)
        self.use()
        if name not in ty.cases and name not in ty.statics and name not in self.app.extensions.get(ty.name, set()) \
                and not (name == "none" and is_optional(expected_type)):
            self.fail(value, f".{name}: {ty.name} has no such case in the bindings")
            return
        if call is not None and name in ty.cases:
            found = self.call_labels(call)
            if found is None:
                return
            labels, values = found
            params = ty.cases[name]
            want = [p[0] for p in params]
            if labels != want:
                self.fail(call, f".{name}({''.join((l or '_') + ':' for l in labels)}): {ty.name}.{name} takes "
                                f"({', '.join((l or '_') for l in want)}) in the bindings")
                return
            for v, (_, t) in zip(values, params):
                self.check_implicit(v, t)

    def visit_equality_expression(self, node, env):
        lhs = node.child_by_field_name("lhs")
        rhs = node.child_by_field_name("rhs")
        if lhs is not None and rhs is not None:
            self.check_implicit(rhs, self.type_of(lhs, env))
            self.check_implicit(lhs, self.type_of(rhs, env))

    def visit_assignment(self, node, env):
        target = node.child_by_field_name("target")
        result = node.child_by_field_name("result")
        if target is not None and result is not None and target.named_children:
            self.check_implicit(result, self.type_of(target.named_children[0], env))

    def visit_property_declaration(self, node, env):
        value = node.child_by_field_name("value")
        t = type_node_text(self.source, node)
        if value is not None and t is not None:
            self.check_implicit(value, t)

    # -- patterns ------------------------------------------------------------

    def visit_switch_statement(self, node, env):
        subject = node.child_by_field_name("expr")
        if subject is not None:
            self.visit(subject, env)
        t = self.type_of(subject, env) if subject is not None else None
        ty = self.core(t)
        if ty is not None and ty.kind != "enum":
            ty = None
        result = generic_args(t, "Result")
        if ty is None and result is not None and len(result) == 2:
            # Swift's Result: `.success(let x)` binds the value, not checked.
            ty = CoreType("Result", "enum")
            ty.cases = {"success": [(None, result[0])], "failure": [(None, result[1])]}
        for entry in node.children:
            if entry.type != "switch_entry":
                continue
            scope = {}
            if ty is not None:
                for sp in entry.children:
                    if sp.type == "switch_pattern":
                        for pat in sp.children:
                            if pat.type == "pattern":
                                self.check_case_pattern(pat, ty, scope)
            for c in entry.children:
                self.visit(c, env + [scope])
        return False

    def check_case_pattern(self, pat, ty, scope):
        """`.name`, `.name(let a, label: b)`, `let .name(a)` against a core enum
        (or Swift's Result, whose cases only bind)."""
        kids = pat.children
        dot = next((i for i, c in enumerate(kids) if not c.is_named and c.type == "."), None)
        if dot is None or dot + 1 >= len(kids) or kids[dot + 1].type != "simple_identifier":
            return
        name = text(self.source, kids[dot + 1])
        if any(c.type in ("navigation_expression", "user_type") for c in kids[:dot]):
            return
        if ty.name != "Result" or ty.name in self.b.types:
            self.use()
        if name not in ty.cases:
            if name in ("some", "none") or ty.name == "Result":
                return
            self.fail(kids[dot + 1], f".{name}: {ty.name} has no such case in the bindings")
            return
        params = ty.cases[name]
        subs = []
        label = None
        for c in kids[dot + 2:]:
            if c.type == "simple_identifier":
                label = text(self.source, c)
            elif c.type == "pattern":
                subs.append((label, c))
                label = None
        if not subs:
            return
        if len(subs) != len(params) and not (len(subs) == 1 and subs[0][0] is None):
            self.fail(pat, f".{name}: {ty.name}.{name} has {len(params)} associated values in the bindings, the pattern has {len(subs)}")
            return
        if len(subs) != len(params):
            return
        for (lab, sub), (want, ptype) in zip(subs, params):
            if lab is not None and lab != want:
                self.fail(sub, f".{name}({lab}:): the bindings label this value {want or '_'}")
            bound = [x for x in walk(sub) if x.type == "simple_identifier" and x.parent is not None
                     and x.parent.type == "pattern"]
            if len(bound) == 1:
                scope[text(self.source, bound[0])] = ptype

    def visit_catch_block(self, node, env):
        pat = node.child_by_field_name("error")
        if pat is None:
            return
        kids = pat.children
        if len(kids) >= 3 and kids[0].type == "user_type" and kids[2].type == "simple_identifier" \
                and text(self.source, kids[1]) == ".":
            ty = self.b.types.get(norm(text(self.source, kids[0])))
            if ty is not None and ty.kind == "enum":
                name = text(self.source, kids[2])
                self.use()
                if name not in ty.cases:
                    self.fail(kids[2], f"{ty.name}.{name}: no such case in the bindings")


def check(generated, ios_root):
    """(problems, uses) for an ios/ tree against a generated bindings file."""
    bindings = Bindings(generated)
    app = AppTypes(bindings)
    parsed = []
    for path in swift_tree.app_sources(ios_root):
        source, tree = swift_tree.parse(path.read_bytes())
        module = module_of(path.relative_to(ios_root))
        app.add_types(source, tree, module)
        parsed.append((path, source, tree, module))
    for path, source, tree, module in parsed:
        app.add_members(source, tree, module)
    checker = Checker(bindings, app)
    for path, source, tree, module in parsed:
        checker.check_file(path, source, tree, module)
    return checker.problems, checker.uses, len(parsed)


def main(argv):
    generated, ios_root = argv
    if not pathlib.Path(ios_root).is_dir():
        print(f"{ios_root}: no iOS sources")
        print("checked 0 uses of the bindings, 1 unknown")
        return 1
    problems, uses, files = check(generated, ios_root)
    if files == 0:
        problems.append(f"{ios_root}: no Swift sources")
    for p in problems:
        print(p)
    print(f"checked {uses} uses of the bindings in {files} files, {len(problems)} unknown")
    return 1 if problems or files == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

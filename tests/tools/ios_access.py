"""Check access control across the iOS app's Swift modules.

The app is split into modules (brief's layout): the generated `KeelCore`,
the platform-free library `KeelKit` (ios/KeelCore/Sources/KeelKit), the app
target (ios/App) and the tests (ios/KeelCore/Tests). A KeelKit declaration
the app target uses must be `public` (or `open`); the tests may use
`internal` ones in a file that says `@testable import KeelKit` (else
`package` ones), never `private`/`fileprivate`. There is no Swift compiler on
the machines that run the suite, so this check reads every file with
tree-sitter-swift and reports, as file:line, what the compiler would refuse:

In the app target and the tests (uses of KeelKit):
- a KeelKit type named in a type position, as a callee or as the base of a
  member access (`Type.member`, also nested `Model.State`) that is not
  visible there;
- `Type.member` (static member, enum case, nested type) not visible there;
- `value.member` / `value.method(...)` where the checker can tell the
  value's type the way ios_bindings.py tells types (annotations, the app's
  own properties, `Type(...)`, closures of `perform`/`ForEach`/`map`, ...),
  including members KeelKit adds in extensions of the core's types;
- `Type(...)` whose matching initializer is not visible, and a struct (or
  a class without a superclass) with no written initializer constructed
  from the app: its implicit memberwise / default initializer is internal
  even when the type is public, so the app needs an explicit `public init`;
- a free KeelKit function not visible there;
- a file that names a KeelKit type or free function without
  `import KeelKit` (members need no import of their own: the rule of Swift
  without the MemberImportVisibility feature);
- a write to a property whose setter is not visible (`public private(set)`):
  `x.p = v`, `x.p += v`, `x.p.q = v` (p too when it holds a KeelKit
  struct), and a `$x.p.q` binding (q, and p when it holds a KeelKit
  struct); reading such a property is fine.

In KeelKit itself (what its own compilation would refuse):
- a member that is effectively public (public member of a public type, or
  a public free function) whose written signature (parameter, return,
  property, associated value, typealias target) names a KeelKit type that
  is not public;
- a KeelKit type conforming to a KeelKit protocol whose requirement it
  implements only with members less visible than both (a public protocol
  requirement implemented by an internal method of a public type), and the
  same for the few Swift/SDK protocols listed in SDK_REQUIREMENTS (`id` of
  Identifiable, `description`, `==`, `hash(into:)`, `body`, ...);
- a default value of an effectively public function or initializer that
  names a KeelKit declaration that is not public (`Type.member`, `.member`
  of the parameter's KeelKit type, a bare static of the same type).

Effective access is the smaller of a member's own (written, or the default:
internal; the extension's modifier; the protocol's or the enum's access for
requirements and cases) and its enclosing type's.

Limits (unknown is never a failure): a member whose name is overloaded is
accepted when any overload of that name is visible (no overload resolution
beyond initializer labels); an initializer call with a trailing closure is
only failed when no initializer is visible; implicit members (`.caseName`,
`.init(...)`) are not checked; members reached through a protocol, a
generic, a typealias or inheritance are not checked; a type the app or the
tests declare with the same name as a KeelKit type shadows it; a member the
app adds in its own extension of a KeelKit type is its own; a witness that
a protocol extension provides by default is not required of the type; a
mutating method called from the app on a `private(set)` property, a
subscript assignment (`x.p[i] = v`) and `&x.p` are not seen as writes; an
Identifiable class's `id` is not required (AnyObject gives one); `@usableFromInline`, `@_spi` and `open` overriding rules
are not modelled.

Usage: ios_access.py GENERATED.swift IOS_DIR -- prints one line per problem
and "checked N uses of KeelKit in F files, K problems".
"""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import ios_bindings  # noqa: E402
import swift_tree  # noqa: E402
from ios_bindings import (constructed_type, decl_keyword, enum_entries, module_of,  # noqa: E402
                          norm, signature, strip_optional, type_node_text, type_path)
from swift_tree import line, text, walk  # noqa: E402

LEVELS = {"private": 0, "fileprivate": 1, "internal": 2, "package": 3, "public": 4, "open": 5}
NAMES = {v: k for k, v in LEVELS.items() if k != "open"}
PUBLIC = 4
ACCESS_RE = re.compile(r"\b(private|fileprivate|internal|package|public|open)\b(\s*\(\s*set\s*\))?")


def modifier_text(source, node):
    for c in node.children:
        if c.type == "modifiers":
            return text(source, c)
    return ""


def written_access(source, node):
    """(getter level or None, setter level or None) as written."""
    get = put = None
    for m in ACCESS_RE.finditer(modifier_text(source, node)):
        if m.group(2):
            put = LEVELS[m.group(1)]
        elif get is None:
            get = LEVELS[m.group(1)]
    return get, put


def show(level):
    return NAMES.get(min(level, PUBLIC), "public")


class Decl:
    def __init__(self, name, kind, access, setter, rel, node_line, owner=None, sig=None, type_text=None):
        self.name = name
        self.kind = kind  # type, func, var, let, case, init, typealias
        self.access = access  # effective
        self.setter = setter  # effective setter level, None when not settable
        self.rel = rel
        self.line = node_line
        self.owner = owner
        self.sig = sig
        self.type_text = type_text  # property type, for writes through a struct
        self.defaults = []  # [(parameter type, default value text)] of a function or init

    def where(self):
        return f"{self.rel}:{self.line}"


class KitType:
    def __init__(self, path, kind, declared, rel, node_line):
        self.path = path
        self.kind = kind  # struct, class, enum, actor, protocol, typealias, or "external"
        self.declared = declared
        self.access = declared  # effective, set once every type is known
        self.rel = rel
        self.line = node_line
        self.members = {}  # name -> [Decl]
        self.inits = []  # [Decl]
        self.conformances = set()
        self.superclass = False
        self.default_impls = set()  # protocol: members a KeelKit extension provides


def property_idents(source, node):
    names = []
    for c in node.children:
        if c.type == "pattern":
            b = c.child_by_field_name("bound_identifier")
            if b is not None:
                names.append(text(source, b))
            else:
                names += [text(source, x) for x in c.children if x.type == "simple_identifier"]
    return names


def default_values(source, node):
    """[(parameter type, default value text)] of a function or initializer."""
    out, ptype = [], None
    for i, c in enumerate(node.children):
        if c.type == "parameter":
            ptype = None
            for j, x in enumerate(c.children):
                if x.is_named and x.type not in ("simple_identifier", "parameter_modifiers") \
                        and c.field_name_for_child(j) == "name":
                    ptype = norm(text(source, x))
        elif node.field_name_for_child(i) == "default_value":
            out.append((ptype, text(source, c)))
    return out


def with_defaults(decl, source, node):
    decl.defaults = default_values(source, node)
    return decl


def is_static(source, node):
    return bool(re.search(r"\b(static|class)\b", modifier_text(source, node)))


class Kit:
    """What KeelKit declares, with effective access."""

    def __init__(self):
        self.types = {}  # path -> KitType
        self.functions = {}  # name -> [Decl]
        self.files = []  # (rel, source, tree)

    def add_types(self, rel, source, tree):
        self.files.append((rel, source, tree))
        for node in walk(tree.root_node):
            if node.type in ("class_declaration", "protocol_declaration"):
                kind = "protocol" if node.type == "protocol_declaration" else decl_keyword(node)
                if kind == "extension":
                    continue
                path = type_path(source, node)
                get, _ = written_access(source, node)
                ty = KitType(path, kind, get if get is not None else 2, rel, line(node))
                self.types[path] = ty
            elif node.type == "typealias_declaration" and node.child_by_field_name("name") is not None:
                owner = self.owner_path(source, node)
                name = text(source, node.child_by_field_name("name"))
                get, _ = written_access(source, node)
                path = owner + "." + name if owner else name
                alias = KitType(path, "typealias", get if get is not None else 2, rel, line(node))
                value = node.child_by_field_name("value")
                alias.target = norm(text(source, value)) if value is not None else None
                self.types[path] = alias

    def owner_path(self, source, node):
        p = node.parent
        while p is not None and p.type not in ("class_declaration", "protocol_declaration"):
            p = p.parent
        return type_path(source, p) if p is not None else ""

    def settle(self):
        """Effective access of nested types: never above their parent's."""
        for path in sorted(self.types, key=lambda p: p.count(".")):
            ty = self.types[path]
            if "." in path:
                parent = self.types.get(path.rsplit(".", 1)[0])
                if parent is not None:
                    ty.access = min(ty.access, parent.access)
            if ty.access == 0:
                ty.access = 1  # a private top-level type is fileprivate

    def add_members(self, rel, source, tree):
        for node in walk(tree.root_node):
            if node.type == "function_declaration" and node.parent is not None \
                    and node.parent.type == "source_file":
                get, _ = written_access(source, node)
                name = text(source, node.child_by_field_name("name")).strip("`")
                self.functions.setdefault(name, []).append(with_defaults(
                    Decl(name, "func", get if get is not None else 2, None, rel, line(node), sig=signature(source, node)),
                    source, node))
            if node.type not in ("class_declaration", "protocol_declaration"):
                continue
            kind = "protocol" if node.type == "protocol_declaration" else decl_keyword(node)
            path = type_path(source, node)
            default = None
            if kind == "extension":
                ty = self.types.get(path)
                if ty is None:  # an extension of a core or SDK type: its own members count
                    ty = self.types.setdefault(path, KitType(path, "external", PUBLIC, rel, line(node)))
                get, _ = written_access(source, node)
                if get is not None:
                    default = 1 if get == 0 else get
            else:
                ty = self.types[path]
            if kind == "protocol":
                default = ty.declared
            for c in node.children:
                if c.type == "inheritance_specifier":
                    name = norm(text(source, c))
                    ty.conformances.add(name)
                    if kind == "class" and self.resolve(name, path) is None and name[:1].isupper() \
                            and name not in ("Sendable", "Identifiable", "Hashable", "Equatable", "Error"):
                        ty.superclass = True  # NSObject or a protocol we cannot tell apart: conservative
            body = node.child_by_field_name("body")
            if body is None:
                continue
            for m in body.children:
                self.add_member(rel, source, m, ty, kind, default)

    def add_member(self, rel, source, m, ty, kind, default):
        get, put = written_access(source, m)
        level = get if get is not None else (default if default is not None else 2)
        if kind == "enum" and m.type == "enum_entry":
            level = ty.declared
        if kind == "protocol":
            level = ty.declared
        eff = min(level, ty.access)

        def add(name, decl):
            ty.members.setdefault(name, []).append(decl)
            if kind == "extension" and ty.kind == "protocol":
                ty.default_impls.add(name)

        if m.type in ("function_declaration", "protocol_function_declaration"):
            n = m.child_by_field_name("name")
            if n is not None:
                name = text(source, n).strip("`")
                add(name, with_defaults(Decl(name, "func", eff, None, rel, line(m), ty, signature(source, m)),
                                        source, m))
        elif m.type in ("property_declaration", "protocol_property_declaration"):
            is_let = any(c.type == "value_binding_pattern" and text(source, c) == "let" for c in m.children) \
                or any(x.type == "let" for c in m.children if c.type == "pattern" for x in walk(c))
            computed = next((c for c in m.children if c.type == "computed_property"), None)
            settable = not is_let
            if computed is not None and not any(x.type == "computed_setter" for x in computed.children):
                settable = False
            if m.type == "protocol_property_declaration":
                settable = any(x.type == "setter_specifier" for x in walk(m))
            setter = min(put if put is not None else level, level, ty.access) if settable else None
            t = type_node_text(source, m) or constructed_type(source, m)
            for name in property_idents(source, m):
                add(name, Decl(name, "let" if is_let else "var", eff, setter, rel, line(m), ty, type_text=t))
        elif m.type in ("init_declaration", "protocol_init_declaration"):
            d = with_defaults(Decl("init", "init", eff, None, rel, line(m), ty, signature(source, m)), source, m)
            ty.inits.append(d)
            if kind == "extension" and ty.kind == "protocol":
                ty.default_impls.add("init")
        elif m.type == "enum_entry":
            for name, params in enum_entries(source, m):
                values = ", ".join(t for _, t in params)
                add(name, Decl(name, "case", eff, None, rel, line(m), ty, type_text=values or None))
        elif m.type in ("class_declaration", "protocol_declaration", "typealias_declaration"):
            if m.type == "class_declaration" and decl_keyword(m) == "extension":
                return
            n = m.child_by_field_name("name")
            if n is not None:
                name = norm(text(source, n))
                nested = self.types.get(ty.path + "." + name)
                if nested is not None:
                    add(name, Decl(name, "type", nested.access, None, nested.rel, nested.line, ty))

    def resolve(self, name, scope=""):
        """A KeelKit type path for `name` written inside `scope`, or None."""
        name = strip_optional(name) or ""
        if name.startswith("KeelKit."):
            name = name[len("KeelKit."):]
        parts = scope.split(".") if scope else []
        while parts:
            candidate = ".".join(parts + [name])
            if candidate in self.types and self.types[candidate].kind != "external":
                return candidate
            parts.pop()
        if name in self.types and self.types[name].kind != "external":
            return name
        return None


def type_names(t):
    """Capitalised (possibly dotted) type names in a type's text."""
    return re.findall(r"(?<![\w.])([A-Z]\w*(?:\.[A-Z]\w*)*)", t or "")


class AccessChecker(ios_bindings.Checker):
    """Walks the app target's and the tests' files with ios_bindings'
    scopes and types, and checks what they use of KeelKit."""

    def __init__(self, bindings, app, kit, own_types, own_members):
        super().__init__(bindings, app)
        self.kit = kit
        self.own_types = own_types  # module -> type names it declares
        self.own_members = own_members  # module -> {type name: member names its extensions add}
        self.seen = set()

    def check_file(self, path, source, tree, module="App"):
        self.need = PUBLIC
        self.imports = bool(re.search(rb"(?m)^\s*(@testable\s+)?(public\s+|internal\s+)?import\s+KeelKit\b", source))
        self.import_reported = False
        if module == "Tests":
            self.need = 2 if re.search(rb"@testable\s+import\s+KeelKit\b", source) else 3
        super().check_file(path, source, tree, module)

    def who(self):
        return "the app target" if self.module == "App" else "the tests"

    def fail_once(self, node, message):
        key = (str(self.path), line(node), message)
        if key not in self.seen:
            self.seen.add(key)
            self.fail(node, message)

    def kit_type(self, name):
        """The KeelKit type a name in this module means (not one it declares itself)."""
        if not name:
            return None
        name = strip_optional(name)
        if name.startswith("KeelCore."):
            ty = self.kit.types.get(name[len("KeelCore."):])
            return ty if ty is not None and ty.kind == "external" else None
        first = name.split(".")[0]
        if first in self.own_types.get(self.module, set()):
            return None
        path = self.kit.resolve(name)
        if path is None:
            ty = self.kit.types.get(name)
            return ty if ty is not None and ty.kind == "external" else None
        return self.kit.types[path]

    def check_import(self, node, what):
        """A KeelKit name (type or free function) needs `import KeelKit` in the file."""
        if not self.imports and not self.import_reported:
            self.import_reported = True
            self.fail(node, f"{what} is KeelKit's, but this file does not `import KeelKit`")

    def check_type(self, node, ty):
        self.use()
        self.check_import(node, f"type {ty.path}")
        if ty.access < self.need:
            self.fail_once(node, f"type {ty.path} is {show(ty.access)} in KeelKit ({ty.rel}:{ty.line}); "
                                 f"{self.who()} needs it {show(self.need)}")
            return False
        return True

    def check_member(self, node, ty, member, write=False):
        """A member of a KeelKit type used here; returns the Decls found."""
        if member in self.own_members.get(self.module, {}).get(ty.path.split(".")[-1], set()):
            return []
        decls = ty.members.get(member, [])
        if not decls:
            return []
        self.use()
        best = max(d.access for d in decls)
        d = max(decls, key=lambda x: x.access)
        if best < self.need:
            self.fail_once(node, f"{ty.path}.{member} is {show(best)} in KeelKit ({d.where()}); "
                                 f"{self.who()} needs it {show(self.need)}")
        elif write:
            setters = [x.setter for x in decls if x.setter is not None]
            if setters and max(setters) < self.need:
                self.fail_once(node, f"{ty.path}.{member} is assigned here but its setter is "
                                     f"{show(max(setters))} in KeelKit ({d.where()}); {self.who()} "
                                     f"needs it {show(self.need)} (or a public method that changes it)")
        return decls

    # -- type positions --------------------------------------------------------

    def visit_type_identifier(self, node, env):
        if self.module == "KeelKit":
            return
        parent = node.parent
        if parent is not None and parent.type in ("class_declaration", "protocol_declaration",
                                                  "typealias_declaration", "associatedtype_declaration",
                                                  "type_parameter"):
            return
        name = text(self.source, node)
        if parent is not None and parent.type == "user_type":
            ids = [c for c in parent.children if c.type == "type_identifier"]
            idx = ids.index(node) if node in ids else 0
            names = [text(self.source, c) for c in ids[:idx + 1]]
            if names[0] == "KeelKit":
                names = names[1:]
            elif names[0] in ios_bindings.MODULES:
                return
            if not names:
                return
            name = ".".join(names)
        ty = self.kit_type(name)
        if ty is not None and ty.kind != "external":
            self.check_type(node, ty)

    # -- expressions -------------------------------------------------------------

    def type_of(self, node, env):
        if node is not None and node.type == "simple_identifier":
            name = text(self.source, node)
            if name.startswith("$") and len(name) > 1 and not name[1].isdigit() \
                    and self.lookup(env, name) is None:
                return self.lookup(env, name[1:])  # `$model`: the binding's members are the model's
        return super().type_of(node, env)

    def chain_root(self, node):
        while node is not None and node.type == "navigation_expression":
            node = node.child_by_field_name("target")
        return node

    def is_written(self, node):
        """Whether a member access is (part of) what an assignment writes,
        or a `$x.member` binding."""
        root = self.chain_root(node)
        if root is not None and root.type == "simple_identifier":
            name = text(self.source, root)
            outer = node.parent
            if name.startswith("$") and len(name) > 1 and not name[1].isdigit() and not (
                    outer is not None and outer.type == "navigation_expression"
                    and outer.child_by_field_name("target") == node):
                return True  # the binding's last member (inner ones: when they hold a struct)
        p = node.parent
        if p is not None and p.type == "directly_assignable_expression" and p.parent is not None \
                and p.parent.type == "assignment":
            return True
        return False

    def visit_navigation_expression(self, node, env):
        if self.module == "KeelKit":
            return
        target = node.child_by_field_name("target")
        member = self.suffix_name(node)
        if target is not None and target.type == "simple_identifier":
            name = text(self.source, target)
            if name[:1].isupper() and not self.declared_value(env, name):
                ty = self.kit_type(name)
                if ty is not None and ty.kind != "external":
                    if self.check_type(target, ty) and member is not None:
                        self.check_member(node, ty, member)
                    return
        if member is None:
            return
        base = self.target_type(node, env)
        if base is None or ios_bindings.is_optional(base) or base.startswith("meta:"):
            return
        ty = self.kit_type(base)
        if ty is None:
            return
        decls = self.check_member(node, ty, member, write=self.is_written(node))
        # `x.p.q = v` writes p too when p holds a struct.
        p = node.parent
        if decls and p is not None and p.type == "navigation_expression" and self.is_written(p) \
                and not self.is_written(node):
            t = next((d.type_text for d in decls if d.type_text), None)
            inner = self.kit.resolve(t or "", ty.path) if t else None
            if inner is not None and self.kit.types[inner].kind == "struct":
                self.check_member(node, ty, member, write=True)

    def visit_assignment(self, node, env):
        if self.module == "KeelKit":
            return
        target = node.child_by_field_name("target")
        nav = target.named_children[0] if target is not None and target.named_children else None
        while nav is not None and nav.type == "navigation_expression":
            # `a.p.q = v`: p is written when it holds a struct (its value changes)
            inner = nav.child_by_field_name("target")
            if inner is None or inner.type != "navigation_expression":
                break
            base = self.target_type(inner, env)
            member = self.suffix_name(inner)
            ty = self.kit_type(base) if base and not ios_bindings.is_optional(base) \
                and not base.startswith("meta:") else None
            held = self.type_of(inner, env)
            held_ty = self.kit_type(held) if held else None
            if ty is not None and member and held_ty is not None and held_ty.kind == "struct":
                self.check_member(inner, ty, member, write=True)
            nav = inner

    def visit_call_expression(self, node, env):
        if self.module == "KeelKit":
            return
        callee = node.children[0]
        found = self.call_labels(node)
        if found is None:
            return
        labels = found[0]
        suffix = next((c for c in node.children if c.type == "call_suffix"), None)
        trailing = suffix is not None and any(c.type == "lambda_literal" for c in suffix.children)
        if callee.type == "navigation_expression":
            # `Model.State(...)`, `Type.init(...)`: the type itself is checked
            # as a member access; here its initializer.
            full = re.sub(r"\s+", "", text(self.source, callee))
            full = re.sub(r"^KeelKit\.", "", re.sub(r"\.init$", "", full))
            root = full.split(".")[0]
            if re.fullmatch(r"[A-Z]\w*(\.[A-Z]\w*)*", full) and not self.declared_value(env, root):
                ty = self.kit_type(full)
                if ty is not None and ty.kind != "external" and ty.access >= self.need \
                        and "init" not in self.own_members.get(self.module, {}).get(full.split(".")[-1], set()):
                    self.check_init(node, ty, labels, trailing)
            return
        if callee.type != "simple_identifier":
            return
        name = text(self.source, callee)
        if self.declared_value(env, name):
            return
        if name[:1].isupper():
            ty = self.kit_type(name)
            if ty is None or ty.kind == "external" or not self.check_type(callee, ty):
                return
            if "init" in self.own_members.get(self.module, {}).get(name, set()):
                return
            self.check_init(node, ty, labels, trailing)
            return
        if name in self.kit.functions and name not in self.app.functions_by_module.get(self.module, set()):
            decls = self.kit.functions[name]
            self.use()
            self.check_import(callee, f"function {name}")
            best = max(d.access for d in decls)
            if best < self.need:
                d = max(decls, key=lambda x: x.access)
                self.fail_once(callee, f"function {name} is {show(best)} in KeelKit ({d.where()}); "
                                       f"{self.who()} needs it {show(self.need)}")

    def check_init(self, node, ty, labels, trailing):
        shown = "(" + "".join((label or "_") + ":" for label in labels) + ")"
        if ty.inits:
            self.use()
            matching = [d for d in ty.inits if not trailing and d.sig.accepts(labels)]
            pool = matching or ty.inits
            if matching or trailing or all(d.access < self.need for d in ty.inits):
                best = max(pool, key=lambda d: d.access)
                if best.access < self.need:
                    self.fail_once(node, f"{ty.path}.init{shown}: the initializer is {show(best.access)} in "
                                         f"KeelKit ({best.where()}); {self.who()} needs it {show(self.need)}")
            return
        if ty.kind == "struct" or (ty.kind in ("class", "actor") and not ty.superclass):
            self.use()
            implicit = min(ty.access, 2)
            if implicit < self.need:
                what = "memberwise" if ty.kind == "struct" else "default"
                self.fail_once(node, f"{ty.path}{shown}: {ty.path} has only the implicit {what} initializer "
                                     f"({ty.rel}:{ty.line}), which is internal; {self.who()} needs an "
                                     f"explicit {show(self.need)} init")


# Requirements of the Swift/SDK protocols KeelKit types adopt, which a
# public type must implement with public members when it writes them.
SDK_REQUIREMENTS = {
    "Identifiable": {"id"}, "CustomStringConvertible": {"description"},
    "CustomDebugStringConvertible": {"debugDescription"}, "Equatable": {"=="}, "Comparable": {"<"},
    "Hashable": {"hash", "=="}, "Encodable": {"encode"}, "Codable": {"encode"},
    "LocalizedError": {"errorDescription", "failureReason", "recoverySuggestion", "helpAnchor"},
    "View": {"body"},
}


def check_defaults(kit, d, owner, what):
    """A public function's default values may name only public declarations."""
    problems = []
    scope = owner.path if owner is not None and owner.kind != "external" else ""

    def member(ty, name):
        decls = ty.members.get(name, [])
        if decls and max(x.access for x in decls) < PUBLIC:
            best = max(decls, key=lambda x: x.access)
            problems.append(f"{d.where()}: a default value of public {what} names {ty.path}.{name}, which is "
                            f"{show(best.access)} ({best.where()}); default values of public functions may "
                            f"name only public declarations")

    for ptype, value in d.defaults:
        value = value.strip()
        for m in re.finditer(r"(?<![\w.])([A-Z]\w*)\.(\w+)", value):
            path = kit.resolve(m.group(1), scope)
            if path is None:
                continue
            ty = kit.types[path]
            if ty.access < PUBLIC:
                problems.append(f"{d.where()}: a default value of public {what} names {path}, which is "
                                f"{show(ty.access)}; default values of public functions may name only public "
                                f"declarations")
            else:
                member(ty, m.group(2))
        implicit = re.match(r"\.(\w+)", value)
        if implicit and ptype:
            path = kit.resolve(ptype, scope)
            if path is not None and kit.types[path].access >= PUBLIC:
                member(kit.types[path], implicit.group(1))
        bare = re.fullmatch(r"([a-z_]\w*)", value)
        if bare and owner is not None and bare.group(1) not in ("nil", "true", "false"):
            member(owner, bare.group(1))
    return problems


def check_kit(kit):
    """KeelKit's own rules: public signatures name public types; protocol
    witnesses are as visible as the conformance needs; default values of
    public functions name public declarations."""
    problems = []
    for ty in kit.types.values():
        for name, decls in list(ty.members.items()) + [("init", ty.inits)]:
            for d in decls:
                if d.access >= PUBLIC and d.defaults:
                    problems += check_defaults(kit, d, ty, f"{ty.path}.{name}")
    for name, decls in kit.functions.items():
        for d in decls:
            if d.access >= PUBLIC and d.defaults:
                problems += check_defaults(kit, d, None, f"func {name}")
    for ty in kit.types.values():
        scope = ty.path if ty.kind != "external" else ""
        for name, decls in list(ty.members.items()) + [("init", ty.inits)]:
            for d in decls:
                if d.access < PUBLIC or d.kind == "type":
                    continue
                texts = []
                if d.sig is not None:
                    texts = [p[1] for p in d.sig.params] + [d.sig.ret]
                elif d.type_text:
                    texts = [d.type_text]
                for t in texts:
                    for n in type_names(t):
                        path = kit.resolve(n, scope)
                        if path is not None and kit.types[path].access < PUBLIC:
                            problems.append(
                                f"{d.where()}: public {ty.path}.{name} names {path}, which is "
                                f"{show(kit.types[path].access)} ({kit.types[path].rel}:{kit.types[path].line}); "
                                f"make {path} public or {name} less visible")
    for ty in kit.types.values():
        if ty.kind == "typealias" and ty.access >= PUBLIC:
            for n in type_names(getattr(ty, "target", None)):
                path = kit.resolve(n, ty.path.rsplit(".", 1)[0] if "." in ty.path else "")
                if path is not None and kit.types[path].access < PUBLIC:
                    problems.append(f"{ty.rel}:{ty.line}: public typealias {ty.path} names {path}, which is "
                                    f"{show(kit.types[path].access)}; make it public")
    for name, decls in kit.functions.items():
        for d in decls:
            if d.access < PUBLIC:
                continue
            for t in [p[1] for p in d.sig.params] + [d.sig.ret]:
                for n in type_names(t):
                    path = kit.resolve(n)
                    if path is not None and kit.types[path].access < PUBLIC:
                        problems.append(f"{d.where()}: public func {name} names {path}, which is "
                                        f"{show(kit.types[path].access)}; make it public")
    for ty in kit.types.values():
        if ty.kind in ("protocol", "external", "typealias"):
            continue
        for conf in ty.conformances:
            conf = conf.split(".")[-1]
            for req in sorted(SDK_REQUIREMENTS.get(conf, set()) if kit.resolve(conf) is None else set()):
                witnesses = ty.members.get(req, [])
                if not witnesses or (conf == "Identifiable" and ty.kind in ("class", "actor")):
                    continue
                best = max(witnesses, key=lambda d: d.access)
                need = min(ty.access, PUBLIC)
                if best.access < need:
                    problems.append(
                        f"{best.where()}: {ty.path}.{req} is {show(best.access)} but implements a requirement "
                        f"of {conf} in {show(ty.access)} {ty.path}; it must be {show(need)}")
            ppath = kit.resolve(conf, ty.path)
            if ppath is None or kit.types[ppath].kind != "protocol":
                continue
            proto = kit.types[ppath]
            need = min(ty.access, proto.access, PUBLIC)
            for req in list(proto.members) + (["init"] if proto.inits else []):
                if req in proto.default_impls:
                    continue
                witnesses = ty.inits if req == "init" else ty.members.get(req, [])
                if not witnesses:
                    continue
                best = max(witnesses, key=lambda d: d.access)
                if best.access < need:
                    problems.append(
                        f"{best.where()}: {ty.path}.{req} is {show(best.access)} but implements a requirement "
                        f"of {show(proto.access)} protocol {ppath} in {show(ty.access)} {ty.path}; "
                        f"it must be {show(need)}")
    return sorted(set(problems))


def check(generated, ios_root):
    """(problems, uses, files) for an ios/ tree."""
    bindings = ios_bindings.Bindings(generated)
    app = ios_bindings.AppTypes(bindings)
    app.functions_by_module = {}
    kit = Kit()
    parsed = []
    own_types = {}
    own_members = {}
    ios_root = pathlib.Path(ios_root)
    for path in swift_tree.app_sources(ios_root):
        source, tree = swift_tree.parse(path.read_bytes())
        rel = path.relative_to(ios_root).as_posix()
        module = module_of(rel)
        app.add_types(source, tree, module)
        parsed.append((path, rel, source, tree, module))
        if module == "KeelKit":
            kit.add_types(rel, source, tree)
            continue
        for node in walk(tree.root_node):
            if node.type in ("class_declaration", "protocol_declaration", "typealias_declaration"):
                kind = decl_keyword(node) if node.type == "class_declaration" else None
                n = node.child_by_field_name("name")
                if n is None:
                    continue
                name = norm(text(source, n))
                if kind != "extension":
                    own_types.setdefault(module, set()).add(name)
                else:
                    added = own_members.setdefault(module, {}).setdefault(name.split(".")[-1], set())
                    body = node.child_by_field_name("body")
                    for m in (body.children if body is not None else []):
                        if m.type == "init_declaration":
                            added.add("init")
                        elif m.type == "function_declaration" and m.child_by_field_name("name") is not None:
                            added.add(text(source, m.child_by_field_name("name")).strip("`"))
                        elif m.type == "property_declaration":
                            added.update(property_idents(source, m))
            elif node.type == "function_declaration" and node.child_by_field_name("name") is not None:
                app.functions_by_module.setdefault(module, set()).add(
                    text(source, node.child_by_field_name("name")).strip("`"))
    kit.settle()
    for path, rel, source, tree, module in parsed:
        app.add_members(source, tree, module)
        if module == "KeelKit":
            kit.add_members(rel, source, tree)
    problems = [f"{ios_root / p.split(':', 1)[0]}:{p.split(':', 1)[1]}" for p in check_kit(kit)]
    checker = AccessChecker(bindings, app, kit, own_types, own_members)
    for path, rel, source, tree, module in parsed:
        if module in ("App", "Tests"):
            checker.check_file(path, source, tree, module)
    return problems + checker.problems, checker.uses, len(parsed)


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-2])
        return 2
    generated, ios_root = argv
    if not pathlib.Path(ios_root).is_dir():
        print(f"{ios_root}: no iOS sources")
        return 1
    problems, uses, files = check(generated, ios_root)
    for p in problems:
        print(p)
    print(f"checked {uses} uses of KeelKit in {files} files, {len(problems)} problems")
    return 1 if problems or files == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Check that every type of the generated Swift bindings is `Sendable`.

The iOS app hands the core's records across actors (a `VaultProxy` actor
calls the core, `@MainActor` view models show the result), which Swift 6's
strict concurrency allows only for `Sendable` types. uniffi declares the
conformance in an extension beside each record and enum; this check fails
if a public struct or enum lacks one, or a class is not marked Sendable,
so a uniffi upgrade or a new kind of export cannot silently drop it.

Usage: swift_sendable.py FILE.swift — prints one line per type that is not
Sendable and a closing "checked N types, M not Sendable".
"""

import re
import sys

VALUE_TYPE = re.compile(r"^public (?:struct|enum) (\w+)\b", re.MULTILINE)
CLASS = re.compile(r"^open class (\w+)\s*:([^{]*)\{", re.MULTILINE)
SENDABLE_EXTENSION = re.compile(r"^extension (\w+)\s*:\s*Sendable\s*\{\s*\}", re.MULTILINE)


def main(path):
    source = open(path, encoding="utf-8").read()
    sendable = set(SENDABLE_EXTENSION.findall(source))
    missing = []
    checked = 0
    for name in VALUE_TYPE.findall(source):
        if name.startswith("FfiConverter"):
            # uniffi's stateless lifting/lowering helpers, not data.
            continue
        checked += 1
        if name not in sendable:
            missing.append(f"struct/enum {name}")
    for name, conformances in CLASS.findall(source):
        checked += 1
        if "Sendable" not in conformances and name not in sendable:
            missing.append(f"class {name}")
    for item in missing:
        print(f"{path}: {item} is not Sendable")
    print(f"checked {checked} types, {len(missing)} not Sendable")
    return 1 if missing or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

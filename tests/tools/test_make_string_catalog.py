"""ios/scripts/make_string_catalog.py: Android strings -> Xcode String Catalog."""

import importlib.util
import json
import subprocess
import sys

from conftest import REPO

spec = importlib.util.spec_from_file_location("make_string_catalog", REPO / "ios/scripts/make_string_catalog.py")
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)


def value(catalog, key, lang):
    return catalog["strings"][key]["localizations"][lang]["stringUnit"]["value"]


def test_shape_and_escapes(fake_repo):
    catalog = json.loads((fake_repo / gen.CATALOG).read_text(encoding="utf-8"))
    assert catalog["sourceLanguage"] == "en" and catalog["version"] == "1.0"
    entry = catalog["strings"]["action_back"]
    assert entry["localizations"]["es"] == {"stringUnit": {"state": "translated", "value": "Atrás"}}
    assert value(catalog, "screen_sample_title", "en") == "Today's plan"
    assert value(catalog, "sample_escapes", "en") == 'Say "hi"\nthen @home ? <b> café 100%%'
    assert value(catalog, "sample_spaces", "en") == "two lines here"
    assert value(catalog, "sample_quoted", "en") == "  kept   as is  "
    assert value(catalog, "sample_markup", "es") == "Toca Guardar ahora"


def test_placeholders():
    assert gen.swift_format("%1$s, %2$d, %s, %d, %%, %1$.1f") == "%1$@, %2$lld, %@, %lld, %%, %1$.1f"


def test_plurals_and_fallback(fake_repo):
    catalog = json.loads((fake_repo / gen.CATALOG).read_text(encoding="utf-8"))
    plural = catalog["strings"]["sample_days_plural"]["localizations"]["es"]["variations"]["plural"]
    assert plural["one"]["stringUnit"]["value"] == "%1$lld día"
    assert plural["other"]["stringUnit"]["value"] == "%1$lld días"
    # Not in the Spanish file: Android shows the English text, so does the catalog.
    assert value(catalog, "sample_english_only", "es") == "Keel"


def test_deterministic_and_check_mode(fake_repo):
    text = (fake_repo / gen.CATALOG).read_text(encoding="utf-8")
    assert gen.render(gen.build(fake_repo)) == text
    assert text.endswith("}\n") and '"a' < text  # sorted, Xcode's "key" : value style
    keys = list(json.loads(text)["strings"])
    assert keys == sorted(keys)
    script = str(fake_repo / "ios/scripts/make_string_catalog.py")
    assert subprocess.run([sys.executable, script, "--check", str(fake_repo)]).returncode == 0
    (fake_repo / gen.CATALOG).write_text(text.replace("Atrás", "Volver"), encoding="utf-8")
    assert subprocess.run([sys.executable, script, "--check", str(fake_repo)]).returncode == 1


def test_committed_catalog_is_current():
    committed = (REPO / gen.CATALOG).read_text(encoding="utf-8")
    assert gen.render(gen.build(REPO)) == committed, "run ios/scripts/make_string_catalog.py"


def test_every_part_file_is_read(fake_repo):
    catalog = json.loads((fake_repo / gen.CATALOG).read_text(encoding="utf-8"))
    assert value(catalog, "extra_part", "es") == "Del segundo archivo, %1$lld%%"


def test_duplicate_and_unknown_keys_fail(fake_repo):
    res = fake_repo / "android/ui/src/main/res"
    (res / "values/strings_dup.xml").write_text(
        '<resources><string name="action_back">Again</string></resources>', encoding="utf-8")
    script = str(fake_repo / "ios/scripts/make_string_catalog.py")
    run = subprocess.run([sys.executable, script, str(fake_repo)], capture_output=True, text=True)
    assert run.returncode == 1 and "action_back is defined twice" in run.stdout
    (res / "values/strings_dup.xml").unlink()
    (res / "values-es/strings_more.xml").write_text(
        '<resources><string name="only_spanish">Solo</string></resources>', encoding="utf-8")
    run = subprocess.run([sys.executable, script, str(fake_repo)], capture_output=True, text=True)
    assert run.returncode == 1 and "keys not in the English file: only_spanish" in run.stdout

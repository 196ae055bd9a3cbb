"""Passphrase strength through the generated Python bindings: the estimate
shown while typing, in English and Spanish, and the WeakPassphrase refusal
wherever a passphrase is set (vault creation and change, report, backup,
restore into a new vault). Generated passphrases always pass.
"""

import time

import pytest

import keel
from keel import (
    CrackTimeUnit,
    KeelError,
    Language,
    PassphraseLevel,
    PassphraseWeakness,
)

STRONG = "lantern quietly orbits the marmalade"
REVIEW_WEAK = ["aaaaaaaaaaaa", "123456789012", "12345678", "password"]


def phone_now():
    return keel.Now(utc_millis=int(time.time() * 1000), zone="America/New_York")


def test_the_estimate_names_the_pattern_in_both_languages():
    e = keel.estimate_passphrase("password", Language.ENGLISH)
    assert not e.acceptable
    assert e.level == PassphraseLevel.VERY_WEAK
    assert e.reason == PassphraseWeakness.COMMON_PASSWORD
    assert e.crack_time.unit == CrackTimeUnit.LESS_THAN_A_SECOND
    assert e.crack_time_text == "less than a second"
    assert "passwords people use most" in e.message
    assert e.suggestions and e.suggestions[-1] == "Or let Keel suggest one for you."
    es = keel.estimate_passphrase("password", Language.SPANISH)
    assert es.reason == e.reason and es.guesses_log10 == e.guesses_log10
    assert es.crack_time_text == "menos de un segundo"
    assert "contraseñas más usadas" in es.message
    assert len(es.suggestions) == len(e.suggestions)
    assert keel.estimate_passphrase("aaaaaaaaaaaa", Language.ENGLISH).reason == PassphraseWeakness.REPEATED
    assert keel.estimate_passphrase("123456789012", Language.ENGLISH).reason == PassphraseWeakness.SEQUENCE
    assert keel.estimate_passphrase("qwsazxcderfv", Language.ENGLISH).reason == PassphraseWeakness.KEYBOARD_PATTERN
    assert keel.estimate_passphrase("k9#vX2", Language.ENGLISH).reason == PassphraseWeakness.TOO_SHORT


def test_a_strong_passphrase_is_accepted_with_no_reason():
    e = keel.estimate_passphrase(STRONG, Language.SPANISH)
    assert e.acceptable
    assert e.reason is None
    assert e.suggestions == []
    assert e.guesses_log10 >= 13.0
    assert e.level in (PassphraseLevel.GOOD, PassphraseLevel.STRONG)
    assert e.crack_time.amount >= 1
    assert e.message.startswith("Esta frase de contraseña")


def test_hostile_text_gets_an_estimate():
    for text in ["", "\0" * 40, "x" * (1024 * 1024 + 1), "é" * 300_000]:
        e = keel.estimate_passphrase(text, Language.ENGLISH)
        assert not e.acceptable
        assert e.reason is not None
    assert keel.estimate_passphrase("x" * 2000, Language.ENGLISH).reason == PassphraseWeakness.TOO_LONG


def test_generated_passphrases_always_pass():
    for language in (Language.ENGLISH, Language.SPANISH):
        for _ in range(200):
            p = keel.generate_passphrase(language)
            assert keel.estimate_passphrase(p, language).acceptable, p
            keel.check_export_passphrase(p)


def test_weak_passphrases_are_refused_everywhere_one_is_set(tmp_path):
    for weak in REVIEW_WEAK:
        folder = str(tmp_path / "refused")
        with pytest.raises(KeelError.WeakPassphrase) as e:
            keel.Vault.create(folder, weak)
        assert e.value.reason == keel.estimate_passphrase(weak, Language.ENGLISH).reason.name.lower()
        assert not keel.vault_exists(folder)
        # A report or backup needs 12 characters first (InvalidInput), then strength.
        with pytest.raises(KeelError.WeakPassphrase if len(weak) >= 12 else KeelError.InvalidInput):
            keel.check_export_passphrase(weak)
    v = keel.Vault.create(str(tmp_path / "vault"), STRONG)
    with pytest.raises(KeelError.WeakPassphrase) as e:
        v.change_passphrase(STRONG, "password")
    assert e.value.reason == "common_password"
    v.lock()
    v.unlock_with_passphrase(STRONG)
    with pytest.raises(KeelError.WeakPassphrase):
        v.backup_bytes("aaaaaaaaaaaa", phone_now())
    made = v.backup_bytes(keel.generate_passphrase(Language.ENGLISH), phone_now())
    assert made.bytes
    with pytest.raises(KeelError.WeakPassphrase):
        keel.restore_new_vault(str(tmp_path / "restored"), made.bytes, "anything", "123456789012")
    assert not keel.vault_exists(str(tmp_path / "restored"))
    v.change_passphrase(STRONG, "lantern quietly orbits the marmalade jar")
    v.lock()
    v.unlock_with_passphrase("lantern quietly orbits the marmalade jar")

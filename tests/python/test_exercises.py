"""Breathing and meditation exercises through the generated Python bindings.

Every exported exercise call is made here at least once, with its error
paths: the library, players and their timelines, the playback clock, custom
patterns, sessions, the insight and the suggestion. The timing itself is
tested in the core (core/src/exercises); this checks that it arrives intact.
"""

import time

import pytest

import keel
from keel import (
    BreathingPatternDraft,
    ExerciseCategory,
    ExerciseCueKind,
    ExerciseHaptic,
    Language,
    ExerciseLength,
    ExerciseOptions,
    ExercisePhase,
    ExercisePlayer,
    ExerciseSessionEnd,
    ExerciseSessionStart,
    ExerciseSessionStatus,
    ExerciseSituation,
    ExerciseSound,
    ExerciseSuggestionReason,
    KeelError,
    Moment,
    Now,
    PageQuery,
)

PASSPHRASE = "a long enough passphrase"
MINUTE = 60_000
HOUR = 60 * MINUTE
OFFSET = -300  # New York in winter
EN = Language.ENGLISH
ES = Language.SPANISH
BUILT_IN = [
    "breath.box",
    "breath.4-7-8",
    "breath.coherent",
    "breath.sigh",
    "breath.extended-exhale",
    "mbrp.sober",
    "mbrp.urge-surfing",
    "mbrp.body-scan",
    "ground.5-4-3-2-1",
]
CRAVING_ID = "ab" * 16  # a craving record's id: only its format is checked


@pytest.fixture
def exercise_vault(tmp_path):
    v = keel.Vault.create(str(tmp_path / "vault"), PASSPHRASE)
    yield v
    if v.is_locked():
        v.unlock_with_passphrase(PASSPHRASE)
    v.lock()


def now_ms():
    return int(time.time() * 1000)


def at(minutes_ago=0.0):
    return Moment(utc_millis=now_ms() - int(minutes_ago * MINUTE), offset_minutes=OFFSET)


def options(length=None, language=EN):
    return ExerciseOptions(language=language, length=length or ExerciseLength.STANDARD())


def invalid_field(call):
    with pytest.raises(KeelError.InvalidInput) as e:
        call()
    return e.value.field


def pattern(**kw):
    fields = dict(name="Slow square", inhale_ms=5_000, hold_in_ms=2_500, exhale_ms=5_450, hold_out_ms=0, cycles=6)
    fields.update(kw)
    return BreathingPatternDraft(**fields)


def start(exercise_id="breath.box", minutes_ago=10, before=None, craving_id=None, length=None):
    return ExerciseSessionStart(
        exercise_id=exercise_id,
        length=length or ExerciseLength.STANDARD(),
        started_at=at(minutes_ago),
        craving_before=before,
        craving_id=craving_id,
    )


def end(minutes_ago=5, after=None, practiced_ms=None, craving_id=None):
    return ExerciseSessionEnd(
        ended_at=at(minutes_ago), practiced_ms=practiced_ms, craving_after=after, craving_id=craving_id
    )


def everything():
    return PageQuery(from_utc_millis=None, until_utc_millis=None, offset=0, limit=100)


# ---------------------------------------------------------------- library


def test_the_library_comes_in_english_and_spanish():
    en = keel.exercise_library(EN)
    es = keel.exercise_library(ES)
    assert [e.id for e in en] == BUILT_IN == [e.id for e in es]
    for a, b in zip(en, es):
        assert a.title != b.title and a.purpose != b.purpose and a.when_to_use != b.when_to_use
        assert a.source == b.source and a.source
        assert [s.text for s in a.outline] != [s.text for s in b.outline]
        assert a.default_total_ms in [d.total_ms for d in a.durations]
    box = en[0]
    assert box.title == "Box breathing" and es[0].title == "Respiración cuadrada"
    assert box.category == ExerciseCategory.BREATHING
    assert ExerciseSituation.MORNING in box.situations
    assert [(s.phase, s.duration_ms) for s in box.outline] == [
        (ExercisePhase.INHALE, 4000),
        (ExercisePhase.HOLD, 4000),
        (ExercisePhase.EXHALE, 4000),
        (ExercisePhase.REST, 4000),
    ]
    assert box.durations[0].length == ExerciseLength.CYCLES(cycles=4)
    assert box.durations[0].total_ms == 64_000
    assert (box.min_minutes, box.max_minutes) == (None, None)
    surfing = en[6]
    assert surfing.category == ExerciseCategory.MINDFULNESS
    assert surfing.situations == [ExerciseSituation.CRAVING]
    assert (surfing.min_minutes, surfing.max_minutes) == (3, 20)
    assert all(s.phase == ExercisePhase.GUIDED for s in surfing.outline)
    assert surfing.durations[0].length == ExerciseLength.MINUTES(minutes=5)
    assert "Bowen" in surfing.source and "Marlatt" in surfing.source
    assert en[8].category == ExerciseCategory.GROUNDING


def test_locales_map_to_a_language():
    assert keel.language_for_locale("es-MX") == ES
    assert keel.language_for_locale("es_ES") == ES
    assert keel.language_for_locale("en-US") == EN
    assert keel.language_for_locale("fr") == EN
    assert keel.language_for_locale("") == EN


# ---------------------------------------------------------------- players


def test_a_box_breathing_minute_arrives_exactly():
    player = ExercisePlayer.builtin("breath.box", options())
    assert player.total_ms() == 64_000
    timeline = player.timeline()
    assert timeline.exercise_id == "breath.box" and timeline.language == EN
    assert timeline.cycles == 4 and len(timeline.segments) == 16
    phases = [ExercisePhase.INHALE, ExercisePhase.HOLD, ExercisePhase.EXHALE, ExercisePhase.REST]
    for i, s in enumerate(timeline.segments):
        assert s.index == i and s.phase == phases[i % 4]
        assert (s.start_ms, s.end_ms, s.cycle) == (i * 4000, (i + 1) * 4000, i // 4 + 1)
    assert [c.at_ms for c in timeline.cues] == [i * 4000 for i in range(17)]
    assert timeline.cues[0].kind == ExerciseCueKind.INHALE
    assert timeline.cues[0].haptic == ExerciseHaptic.MEDIUM
    assert timeline.cues[1].sound == ExerciseSound.SILENT
    assert timeline.cues[-1].kind == ExerciseCueKind.FINISH
    assert timeline.cues[-1].sound == ExerciseSound.BELL

    f = player.frame(2_000)
    assert f.phase == ExercisePhase.INHALE and f.cycle == 1 and f.cycles == 4
    assert f.phase_progress == 0.5 and f.breath_level == 0.5
    assert f.text == "Breathe in slowly through your nose"
    assert (f.segment_start_ms, f.segment_end_ms, f.next_cue_ms) == (0, 4_000, 4_000)
    assert f.remaining_ms == 62_000 and f.progress == 2_000 / 64_000
    assert [c.at_ms for c in f.upcoming_cues] == [4_000, 8_000, 12_000, 16_000, 20_000, 24_000, 28_000]
    assert player.frame(4_000).phase == ExercisePhase.HOLD
    assert player.frame(12_000).phase == ExercisePhase.REST
    assert (player.frame(16_000).phase, player.frame(16_000).cycle) == (ExercisePhase.INHALE, 2)
    done = player.frame(90_000)
    assert done.finished and done.progress == 1.0 and done.next_cue_ms is None
    assert done.elapsed_ms == 64_000 and done.segment_index == 15


def test_players_take_lengths_and_languages_and_refuse_bad_ones():
    es = ExercisePlayer.builtin("breath.4-7-8", options(ExerciseLength.CYCLES(cycles=8), ES))
    assert es.total_ms() == 8 * 19_000
    assert es.frame(0).text == "Inhala en silencio por la nariz"
    assert es.frame(4_000).phase == ExercisePhase.HOLD
    assert es.frame(11_000).phase == ExercisePhase.EXHALE
    coherent = ExercisePlayer.builtin("breath.coherent", options(ExerciseLength.MINUTES(minutes=2)))
    assert coherent.timeline().cycles == 11 and coherent.total_ms() == 11 * 10_900
    sober = ExercisePlayer.builtin("mbrp.sober", options(ExerciseLength.MINUTES(minutes=5)))
    t = sober.timeline()
    assert t.total_ms == 300_000 and t.cycles is None and len(t.segments) == 6
    assert t.segments[1].text.startswith("S — Stop")
    assert sober.frame(0).phase == ExercisePhase.GUIDED
    assert sober.frame(0).upcoming_cues[0].kind == ExerciseCueKind.STEP

    assert invalid_field(lambda: ExercisePlayer.builtin("breath.box", options(ExerciseLength.CYCLES(cycles=0)))) == "cycles"
    assert invalid_field(lambda: ExercisePlayer.builtin("breath.box", options(ExerciseLength.CYCLES(cycles=1000)))) == "cycles"
    assert invalid_field(lambda: ExercisePlayer.builtin("breath.box", options(ExerciseLength.MINUTES(minutes=0)))) == "minutes"
    assert invalid_field(lambda: ExercisePlayer.builtin("mbrp.sober", options(ExerciseLength.MINUTES(minutes=9)))) == "minutes"
    assert invalid_field(lambda: ExercisePlayer.builtin("mbrp.body-scan", options(ExerciseLength.CYCLES(cycles=3)))) == "cycles"
    assert invalid_field(lambda: ExercisePlayer.builtin("custom." + "0" * 32, options())) == "exercise_id"
    assert invalid_field(lambda: ExercisePlayer.builtin("custom.xyz", options())) == "exercise_id"
    with pytest.raises(KeelError.NotFound):
        ExercisePlayer.builtin("breath.nope", options())


def test_playback_excludes_paused_time():
    p = keel.exercise_playback_start(1_000)
    assert (p.banked_ms, p.since_ms, p.paused) == (0, 1_000, False)
    assert keel.exercise_playback_elapsed(p, 5_000) == 4_000
    p = keel.exercise_playback_pause(p, 5_000)
    assert p.paused and keel.exercise_playback_elapsed(p, 60_000) == 4_000
    p = keel.exercise_playback_resume(p, 60_000)
    assert keel.exercise_playback_elapsed(p, 62_000) == 6_000
    player = ExercisePlayer.builtin("breath.box", options())
    frame = player.frame_at(p, 62_000)
    assert frame.elapsed_ms == 6_000 and frame.phase == ExercisePhase.HOLD

    assert invalid_field(lambda: keel.exercise_playback_pause(keel.exercise_playback_pause(p, 63_000), 64_000)) == "playback"
    assert invalid_field(lambda: keel.exercise_playback_resume(p, 63_000)) == "playback"
    assert invalid_field(lambda: keel.exercise_playback_elapsed(p, 59_999)) == "now_ms"
    assert invalid_field(lambda: player.frame_at(p, 0)) == "now_ms"


# ---------------------------------------------------------------- custom patterns


def test_custom_patterns_are_stored_edited_played_and_deleted(exercise_vault):
    v = exercise_vault
    saved = v.add_breathing_pattern(pattern(name="  Slow square  "))
    assert len(saved.id) == 32 and saved.exercise_id == "custom." + saved.id
    assert saved.name == "Slow square" and saved.total_ms == 6 * 12_950
    other = v.add_breathing_pattern(pattern(name="another", hold_out_ms=1_000))
    assert [p.name for p in v.list_breathing_patterns().patterns] == ["another", "Slow square"]
    assert v.list_breathing_patterns().damaged_ids == []
    assert v.get_breathing_pattern(saved.id) == saved

    listed = v.list_exercises(ES)
    assert [e.id for e in listed.exercises[:9]] == BUILT_IN
    assert [e.id for e in listed.exercises[9:]] == [other.exercise_id, saved.exercise_id]
    detail = v.get_exercise(saved.exercise_id, ES)
    assert detail.title == "Slow square"
    assert detail.purpose == "Tu propio ritmo: inhalar 5 s, retener 2,5 s, exhalar 5,45 s."
    assert [s.text for s in detail.outline] == ["Inhala", "Mantén el aire", "Exhala"]
    assert v.get_exercise("breath.sigh", EN).title == "Physiological sigh"

    player = v.exercise_player(saved.exercise_id, options())
    t = player.timeline()
    assert t.total_ms == 6 * 12_950 and len(t.segments) == 18
    assert [(s.phase, s.end_ms) for s in t.segments[:3]] == [
        (ExercisePhase.INHALE, 5_000),
        (ExercisePhase.HOLD, 7_500),
        (ExercisePhase.EXHALE, 12_950),
    ]
    assert v.exercise_player(saved.exercise_id, options(ExerciseLength.CYCLES(cycles=2))).total_ms() == 25_900
    assert v.exercise_player("breath.box", options()).total_ms() == 64_000

    edited = v.update_breathing_pattern(saved.id, pattern(name="Renamed", cycles=3))
    assert edited.id == saved.id and edited.cycles == 3
    v.delete_breathing_pattern(other.id)
    for call in (
        lambda: v.get_breathing_pattern(other.id),
        lambda: v.update_breathing_pattern(other.id, pattern()),
        lambda: v.delete_breathing_pattern(other.id),
        lambda: v.get_exercise(other.exercise_id, EN),
        lambda: v.exercise_player(other.exercise_id, options()),
    ):
        with pytest.raises(KeelError.NotFound):
            call()
    assert invalid_field(lambda: v.get_breathing_pattern("nope")) == "id"
    assert invalid_field(lambda: v.get_exercise("custom.nope", EN)) == "exercise_id"


def test_invalid_patterns_name_their_field_and_write_nothing(exercise_vault):
    v = exercise_vault
    cases = [
        (pattern(inhale_ms=0), "inhale_ms"),
        (pattern(exhale_ms=0), "exhale_ms"),
        (pattern(inhale_ms=60_000), "inhale_ms"),
        (pattern(hold_in_ms=3_600_000), "hold_in_ms"),
        (pattern(hold_out_ms=200), "hold_out_ms"),
        (pattern(cycles=0), "cycles"),
        (pattern(cycles=140), "cycles"),  # over 30 minutes
        (pattern(name="   "), "name"),
        (pattern(name="x" * 61), "name"),
    ]
    for draft, field in cases:
        assert invalid_field(lambda: v.add_breathing_pattern(draft)) == field
    with pytest.raises(KeelError.InvalidInput) as e:
        v.add_breathing_pattern(pattern(cycles=140))
    assert e.value.reason == "too_long"
    assert v.list_breathing_patterns().patterns == []
    kept = v.add_breathing_pattern(pattern())
    assert invalid_field(lambda: v.update_breathing_pattern(kept.id, pattern(exhale_ms=0))) == "exhale_ms"
    assert v.get_breathing_pattern(kept.id) == kept
    # Out of u32 range is refused by the bindings before the call.
    with pytest.raises((ValueError, TypeError, OverflowError)):
        v.add_breathing_pattern(pattern(inhale_ms=-1))


# ---------------------------------------------------------------- sessions


def test_sessions_start_end_link_a_craving_and_page_by_date(exercise_vault):
    v = exercise_vault
    surf = v.start_exercise_session(start("mbrp.urge-surfing", minutes_ago=60, before=8, craving_id=CRAVING_ID.upper()))
    assert surf.status == ExerciseSessionStatus.IN_PROGRESS
    assert surf.planned_ms == 5 * MINUTE and surf.exercise_name is None
    assert surf.craving_before == 8 and surf.craving_id == CRAVING_ID
    assert surf.ended_at is None and surf.craving_after is None
    done = v.finish_exercise_session(surf.id, end(minutes_ago=54, after=3, practiced_ms=290_000))
    assert done.status == ExerciseSessionStatus.FINISHED
    assert (done.craving_after, done.practiced_ms, done.craving_id) == (3, 290_000, CRAVING_ID)
    assert v.get_exercise_session(surf.id) == done

    box = v.start_exercise_session(start("breath.box", minutes_ago=30, length=ExerciseLength.CYCLES(cycles=8)))
    assert box.planned_ms == 128_000
    stopped = v.abandon_exercise_session(box.id, end(minutes_ago=29, craving_id="cd" * 16))
    assert stopped.status == ExerciseSessionStatus.ABANDONED and stopped.craving_id == "cd" * 16
    mine = v.add_breathing_pattern(pattern(name="Evening"))
    custom = v.start_exercise_session(start(mine.exercise_id, minutes_ago=5, before=4))
    assert custom.exercise_name == "Evening" and custom.planned_ms == mine.total_ms

    page = v.list_exercise_sessions(everything())
    assert [s.id for s in page.sessions] == [custom.id, box.id, surf.id]
    assert page.total == 3 and page.damaged_ids == []
    window = v.list_exercise_sessions(
        PageQuery(from_utc_millis=now_ms() - 45 * MINUTE, until_utc_millis=now_ms() - 10 * MINUTE, offset=0, limit=10)
    )
    assert window.total == 1 and window.sessions[0].id == box.id
    assert invalid_field(lambda: v.list_exercise_sessions(PageQuery(from_utc_millis=None, until_utc_millis=None, offset=0, limit=0))) == "limit"

    # Errors: each names its field and writes nothing.
    assert invalid_field(lambda: v.finish_exercise_session(surf.id, end(minutes_ago=1))) == "session"
    assert invalid_field(lambda: v.finish_exercise_session(custom.id, end(minutes_ago=6))) == "ended_at"
    assert invalid_field(lambda: v.finish_exercise_session(custom.id, end(minutes_ago=-60))) == "ended_at"
    assert invalid_field(lambda: v.finish_exercise_session(custom.id, end(minutes_ago=1, after=11))) == "craving_after"
    assert invalid_field(lambda: v.abandon_exercise_session(custom.id, end(minutes_ago=1, practiced_ms=HOUR))) == "practiced_ms"
    assert invalid_field(lambda: v.abandon_exercise_session(custom.id, end(minutes_ago=1, craving_id="nope"))) == "craving_id"
    assert invalid_field(lambda: v.finish_exercise_session("zz", end())) == "id"
    assert v.get_exercise_session(custom.id) == custom
    assert invalid_field(lambda: v.start_exercise_session(start(before=11))) == "craving_before"
    assert invalid_field(lambda: v.start_exercise_session(start(before=1000))) == "craving_before"
    assert invalid_field(lambda: v.start_exercise_session(start(minutes_ago=-60))) == "started_at"
    assert invalid_field(lambda: v.start_exercise_session(start(craving_id="123"))) == "craving_id"
    assert invalid_field(lambda: v.start_exercise_session(start("mbrp.sober", length=ExerciseLength.MINUTES(minutes=30)))) == "minutes"
    with pytest.raises(KeelError.NotFound):
        v.start_exercise_session(start("breath.unknown"))
    with pytest.raises(KeelError.NotFound):
        v.start_exercise_session(start("custom." + "0" * 32))
    unknown = "0" * 32
    for call in (
        lambda: v.get_exercise_session(unknown),
        lambda: v.finish_exercise_session(unknown, end()),
        lambda: v.abandon_exercise_session(unknown, end()),
        lambda: v.delete_exercise_session(unknown),
    ):
        with pytest.raises(KeelError.NotFound):
            call()
    assert v.list_exercise_sessions(everything()).total == 3

    v.delete_exercise_session(box.id)
    assert [s.id for s in v.list_exercise_sessions(everything()).sessions] == [custom.id, surf.id]


def test_insight_and_suggestion(exercise_vault):
    v = exercise_vault
    assert v.exercise_insights(EN) == []
    for minutes_ago, before, after in ((300, 8, 4), (200, 7, 4), (100, 6, 3)):
        s = v.start_exercise_session(start("breath.sigh", minutes_ago=minutes_ago, before=before))
        v.finish_exercise_session(s.id, end(minutes_ago=minutes_ago - 3, after=after))
    s = v.start_exercise_session(start("mbrp.body-scan", minutes_ago=50))
    v.abandon_exercise_session(s.id, end(minutes_ago=45))
    v.start_exercise_session(start("breath.box", minutes_ago=1))  # in progress: not counted

    sigh, scan = v.exercise_insights(ES)
    assert (sigh.exercise_id, sigh.title) == ("breath.sigh", "Suspiro fisiológico")
    assert (sigh.sessions, sigh.finished, sigh.rated_sessions) == (3, 3, 3)
    assert sigh.average_drop == pytest.approx(10 / 3)
    assert (scan.exercise_id, scan.sessions, scan.finished, scan.rated_sessions) == ("mbrp.body-scan", 1, 0, 0)
    assert scan.average_drop is None

    # 08:00 local on a fixed day (2025-11-24, UTC-5).
    morning = Now(utc_millis=1_763_942_400_000 + 13 * HOUR, zone="America/New_York")
    s = v.suggest_exercise(morning, None, [], EN)
    assert (s.exercise.id, s.reason) == ("breath.box", ExerciseSuggestionReason.MORNING)
    assert s.reason_text == "A steady start to your day."
    # The same instant is 18:30 in Kolkata (UTC+5:30): evening there.
    evening = Now(utc_millis=morning.utc_millis, zone="Asia/Kolkata")
    s = v.suggest_exercise(evening, None, [], EN)
    assert s.reason == ExerciseSuggestionReason.EVENING
    s = v.suggest_exercise(morning, None, [8, 9], ES)
    assert (s.exercise.id, s.reason) == ("mbrp.sober", ExerciseSuggestionReason.HIGH_RISK_TIME)
    assert s.exercise.title == "Espacio de respiración SOBER"
    # A craving in progress: what helped before (3 rated sessions, -3.3 on average).
    s = v.suggest_exercise(morning, 7, [], EN)
    assert (s.exercise.id, s.reason) == ("breath.sigh", ExerciseSuggestionReason.HELPED_BEFORE)
    s = v.suggest_exercise(morning, 0, [], EN)
    assert s.reason == ExerciseSuggestionReason.MORNING

    assert invalid_field(lambda: v.suggest_exercise(morning, 11, [], EN)) == "craving_intensity"
    assert invalid_field(lambda: v.suggest_exercise(morning, None, [24], EN)) == "high_risk_hours"
    assert invalid_field(lambda: v.suggest_exercise(Now(utc_millis=0, zone="UTC"), None, [], EN)) == "now"
    assert invalid_field(lambda: v.suggest_exercise(Now(utc_millis=morning.utc_millis, zone=""), None, [], EN)) == "zone"


def test_a_craving_without_history_suggests_urge_surfing(exercise_vault):
    night = Now(utc_millis=1_763_942_400_000 + 28 * HOUR, zone="America/New_York")  # 23:00
    s = exercise_vault.suggest_exercise(night, 5, [], EN)
    assert (s.exercise.id, s.reason) == ("mbrp.urge-surfing", ExerciseSuggestionReason.CRAVING)
    s = exercise_vault.suggest_exercise(night, None, [], EN)
    assert (s.exercise.id, s.reason) == ("breath.4-7-8", ExerciseSuggestionReason.NIGHT)


def test_vault_calls_answer_locked_but_the_built_in_library_still_plays(exercise_vault):
    v = exercise_vault
    saved = v.add_breathing_pattern(pattern())
    session = v.start_exercise_session(start())
    v.lock()
    for call in (
        lambda: v.list_exercises(EN),
        lambda: v.get_exercise("breath.box", EN),
        lambda: v.exercise_player("breath.box", options()),
        lambda: v.add_breathing_pattern(pattern()),
        lambda: v.update_breathing_pattern(saved.id, pattern()),
        lambda: v.get_breathing_pattern(saved.id),
        lambda: v.list_breathing_patterns(),
        lambda: v.delete_breathing_pattern(saved.id),
        lambda: v.start_exercise_session(start()),
        lambda: v.finish_exercise_session(session.id, end()),
        lambda: v.abandon_exercise_session(session.id, end()),
        lambda: v.get_exercise_session(session.id),
        lambda: v.delete_exercise_session(session.id),
        lambda: v.list_exercise_sessions(everything()),
        lambda: v.exercise_insights(EN),
        lambda: v.suggest_exercise(Now(utc_millis=now_ms(), zone="America/New_York"), None, [], EN),
    ):
        with pytest.raises(KeelError.Locked):
            call()
    # Breathing right now needs no passphrase.
    assert len(keel.exercise_library(EN)) == 9
    assert ExercisePlayer.builtin("breath.sigh", options()).frame(0).phase == ExercisePhase.INHALE
    v.unlock_with_passphrase(PASSPHRASE)
    assert v.get_breathing_pattern(saved.id) == saved

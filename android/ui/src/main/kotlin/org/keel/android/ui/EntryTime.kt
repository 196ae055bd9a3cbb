package org.keel.android.ui

import java.time.DateTimeException
import java.time.Instant
import java.time.LocalDateTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime
import org.keel.core.Moment

/** The ways the log forms' time picker changes when an entry happened: steps a thumb can hit at any font size. */
enum class WhenChange { DAY_EARLIER, DAY_LATER, TODAY, YESTERDAY, HOUR_EARLIER, HOUR_LATER, MINUTES_EARLIER, MINUTES_LATER }

/** How far one minutes step moves; the time snaps to this grid first. */
const val MINUTES_STEP = 5

/**
 * [at] changed by [change], read in the participant's own calendar. The
 * participant sees and changes the entry's local date and time in its own
 * offset (what [formatMoment] shows); the new moment takes the offset the
 * phone's [zone] has at the new local time (so a step across a daylight-saving
 * change keeps the clock time they picked), unless the entry was logged
 * under another offset (travel): then its own offset is kept. [now] answers
 * "today". Whether the result is in the future is the core's to decide.
 */
fun changedWhen(at: Moment, change: WhenChange, now: Moment, zone: String): Moment {
    val local = at.local()
    val frame = frameOf(at, zone)
    val today = Instant.ofEpochMilli(now.utcMillis).atZone(frame).toLocalDate()
    val next = when (change) {
        WhenChange.DAY_EARLIER -> local.minusDays(1)
        WhenChange.DAY_LATER -> local.plusDays(1)
        WhenChange.TODAY -> local.with(today)
        WhenChange.YESTERDAY -> local.with(today.minusDays(1))
        WhenChange.HOUR_EARLIER -> local.minusHours(1)
        WhenChange.HOUR_LATER -> local.plusHours(1)
        WhenChange.MINUTES_EARLIER -> local.withSecond(0).withNano(0).let { t ->
            val off = t.minute % MINUTES_STEP
            t.minusMinutes((if (off == 0) MINUTES_STEP else off).toLong())
        }
        WhenChange.MINUTES_LATER -> local.withSecond(0).withNano(0).let { t ->
            t.plusMinutes((MINUTES_STEP - t.minute % MINUTES_STEP).toLong())
        }
    }
    return momentAt(next, frame, at.offsetMinutes)
}

/** [at] moved to the local date and time [local], in the same calendar as [changedWhen]. */
fun momentAt(at: Moment, local: LocalDateTime, zone: String): Moment = momentAt(local, frameOf(at, zone), at.offsetMinutes)

/** The entry's own local date and time. */
fun Moment.local(): LocalDateTime =
    LocalDateTime.ofInstant(Instant.ofEpochMilli(utcMillis), ZoneOffset.ofTotalSeconds(offsetMinutes * 60))

/** The phone's zone if the entry was logged under it, else the entry's fixed offset. */
private fun frameOf(at: Moment, zone: String): ZoneId {
    val own = ZoneOffset.ofTotalSeconds(at.offsetMinutes * 60)
    val phone = try {
        ZoneId.of(zone)
    } catch (e: DateTimeException) {
        return own
    }
    return if (phone.rules.getOffset(Instant.ofEpochMilli(at.utcMillis)) == own) phone else own
}

private fun momentAt(local: LocalDateTime, frame: ZoneId, preferredOffsetMinutes: Int): Moment {
    val zoned = ZonedDateTime.ofLocal(local, frame, ZoneOffset.ofTotalSeconds(preferredOffsetMinutes * 60))
    return Moment(zoned.toInstant().toEpochMilli(), zoned.offset.totalSeconds / 60)
}

package org.keel.android.core

import java.time.Clock
import java.time.Instant
import java.time.ZoneId

/**
 * The phone's clock in the phone's zone as it is now: `Clock.systemDefaultZone()`
 * keeps the zone it was made in, so after the participant flies to another
 * zone every "now" (an entry's offset, the reminders' wall-clock times) would
 * stay in the old one. Android updates the default zone of a running app on
 * `ACTION_TIMEZONE_CHANGED`; this reads it at every call.
 */
object PhoneClock : Clock() {
    override fun getZone(): ZoneId = ZoneId.systemDefault()

    override fun withZone(zone: ZoneId): Clock = system(zone)

    override fun instant(): Instant = Instant.now()

    override fun millis(): Long = System.currentTimeMillis()
}

package org.keel.android.app

import android.content.Context
import android.content.Intent
import android.net.Uri
import org.keel.android.ui.PhoneActions

/** Opens the dialer or the messaging app with the number filled in; the person taps send. */
class IntentPhoneActions(private val context: Context) : PhoneActions {
    override fun call(phone: String) = start(Intent(Intent.ACTION_DIAL, Uri.parse("tel:" + Uri.encode(phone))))

    override fun text(phone: String) = start(Intent(Intent.ACTION_SENDTO, Uri.parse("smsto:" + Uri.encode(phone))))

    private fun start(intent: Intent) {
        context.startActivity(intent.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK))
    }
}

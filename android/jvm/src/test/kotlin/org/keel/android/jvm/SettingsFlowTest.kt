package org.keel.android.jvm

import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.isToggleable
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import java.io.File
import javax.xml.parsers.DocumentBuilderFactory
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.core.RustVaultGateway
import org.keel.android.core.VaultGateway
import org.keel.android.ui.AppModel
import org.keel.android.ui.Biometrics
import org.keel.android.ui.DevicePrivacy
import org.keel.android.ui.KeelApp
import org.keel.android.ui.NoBiometrics
import org.keel.android.ui.Route
import org.keel.android.ui.Str
import org.keel.android.ui.menuEntries
import org.keel.core.Language
import org.keel.core.Vault
import org.w3c.dom.Element

/** Records what Settings asked the phone to do with its window and launcher. */
class RecordingPrivacy : DevicePrivacy {
    val secure = mutableListOf<Boolean>()
    val discreet = mutableListOf<Boolean>()
    override fun secureScreen(on: Boolean) { secure += on }
    override fun discreetLauncher(on: Boolean) { discreet += on }
}

/** Settings, the menu, the passphrase change, biometric on/off and erasing, on a real vault in a temp folder. */
class SettingsFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val es = Fixtures.strings.strings(Language.SPANISH)
    private val phone = RecordingPhone()
    private val privacy = RecordingPrivacy()
    private val settings = MemorySettings()

    /** A vault made with the raw API, opened in the app through Unlock; the unlock waits pass at once. */
    private val alarms = RecordingReminderAlarms()

    private fun unlockedApp(
        biometrics: Biometrics = NoBiometrics,
        /** The gateway the app uses over the real one (a [PausingGateway] to hold a call at a gate). */
        wrap: (RustVaultGateway) -> VaultGateway = { it },
        setup: (Vault) -> Unit = {},
    ): Pair<AppModel, RustVaultGateway> {
        Vault.create(tmp.root.path, Fixtures.PASSPHRASE).use(setup)
        val gateway = Fixtures.gateway(tmp.root)
        val app = AppModel(
            wrap(gateway),
            settings,
            CoroutineScope(SupervisorJob() + Dispatchers.Default),
            tick = { },
            biometrics = biometrics,
            privacy = privacy,
            reminderAlarms = alarms,
        )
        rule.setContent { KeelApp(app, Fixtures.strings, phone, dark = false) }
        app.start()
        rule.waitFor(en[Str.screen_unlock_title])
        field(en[Str.screen_unlock_passphrase]).performTextInput(Fixtures.PASSPHRASE)
        button(en[Str.screen_unlock_action]).performClick()
        rule.waitFor(en[Str.screen_today_recent])
        return app to gateway
    }

    private fun ComposeContentTestRule.waitFor(text: String) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text)).fetchSemanticsNodes().isNotEmpty() }

    private fun ComposeContentTestRule.waitGone(text: String) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text)).fetchSemanticsNodes().isEmpty() }

    private fun field(label: String) = rule.onNode(hasSetTextAction() and hasText(label))
    private fun button(text: String) = rule.onNode(hasClickAction() and hasText(text))

    private fun tap(text: String) {
        rule.waitUntil(30_000) { rule.onAllNodes(hasClickAction() and hasText(text)).fetchSemanticsNodes().isNotEmpty() }
        button(text).performScrollTo().performClick()
    }

    private fun retype(label: String, text: String) {
        field(label).performScrollTo().performTextClearance()
        field(label).performTextInput(text)
    }

    /** Today's top bar: not in the scrolling content. */
    private fun tapMenu() {
        rule.waitUntil(30_000) { rule.onAllNodes(hasClickAction() and hasText(en[Str.action_menu])).fetchSemanticsNodes().isNotEmpty() }
        button(en[Str.action_menu]).performClick()
    }

    private fun toggle(text: String) = rule.onNode(isToggleable() and hasText(text)).performScrollTo().performClick()

    private fun openSettings(app: AppModel) {
        tapMenu()
        rule.waitFor(en[Str.screen_menu_hint])
        tap(en[Str.action_settings])
        rule.waitFor(en[Str.screen_settings_change_passphrase])
        assertEquals(Route.Settings, app.backStack.value.last())
    }

    @Test
    fun todaysMenuOpensEveryEntryAndBackReturnsToTheMenu() {
        val (app, _) = unlockedApp()
        // Exercises is one tap from Today and from the menu too.
        assertTrue(menuEntries.any { it.route == Route.Exercises })
        for (entry in menuEntries) {
            tapMenu()
            rule.waitFor(en[Str.screen_menu_hint])
            tap(en[entry.label])
            rule.waitUntil(30_000) { app.backStack.value.last() == entry.route }
            assertEquals(listOf(Route.Today, Route.Menu, entry.route), app.backStack.value)
            app.back()
            app.back()
            rule.waitFor(en[Str.screen_today_recent])
        }
    }

    @Test
    fun theLockTimeoutScreenProtectionAndDiscreetModeAreKeptAndApplied() {
        val (app, _) = unlockedApp()
        openSettings(app)
        rule.onNode(hasText(en[Str.screen_settings_secure_on])).assertExists()
        tap(en[Str.screen_settings_lock_5])
        rule.waitUntil(30_000) { settings.lockAfterSeconds == 300 }

        toggle(en[Str.screen_settings_secure])
        // The trade-off of turning it off is said as it happens.
        rule.waitFor(en[Str.screen_settings_secure_off])
        assertFalse(settings.secureScreen)
        assertEquals(listOf(false), privacy.secure)

        toggle(en[Str.screen_settings_discreet])
        rule.waitUntil(30_000) { settings.discreet }
        assertEquals(listOf(true), privacy.discreet)
        toggle(en[Str.screen_settings_discreet])
        rule.waitUntil(30_000) { !settings.discreet }
        assertEquals(listOf(true, false), privacy.discreet)

        // Shown again, the screen reads what was kept.
        app.back()
        tap(en[Str.action_settings])
        rule.waitFor(en[Str.screen_settings_secure_off])
        assertEquals(300, app.settingsScreen.state.value.lockAfterSeconds)
    }

    @Test
    fun theLanguageChangesFromSettings() {
        val (app, _) = unlockedApp()
        openSettings(app)
        tap(es[Str.language_spanish])
        rule.waitFor(es[Str.screen_settings_title])
        assertEquals(Language.SPANISH, settings.language)
        assertEquals(Language.SPANISH, app.language.value)
    }

    @Test
    fun aWrongCurrentPassphraseChangesNothingTheRightOneChangesIt() {
        val (app, gateway) = unlockedApp()
        openSettings(app)
        tap(en[Str.screen_settings_change_passphrase])
        rule.waitFor(en[Str.screen_passphrase_intro])
        val next = "quiet lantern orchard pebble"
        field(en[Str.screen_passphrase_current]).performScrollTo().performTextInput("not my passphrase at all")
        field(en[Str.screen_passphrase_new]).performScrollTo().performTextInput(next)
        field(en[Str.screen_passphrase_confirm]).performScrollTo().performTextInput(next)
        tap(en[Str.screen_passphrase_action])
        rule.waitFor(en[Str.screen_passphrase_wrong])
        assertEquals(1, app.passphraseChange.state.value.failures)

        // A weak new passphrase is refused by the core, with the reason.
        rule.waitUntil(30_000) { app.passphraseChange.state.value.waitSeconds == 0 }
        field(en[Str.screen_passphrase_current]).performScrollTo().performTextInput(Fixtures.PASSPHRASE)
        retype(en[Str.screen_passphrase_new], "password")
        retype(en[Str.screen_passphrase_confirm], "password")
        tap(en[Str.screen_passphrase_action])
        rule.waitFor(en[Str.screen_passphrase_weak])

        // Refused, nothing changed: the old passphrase is still the current one below.
        retype(en[Str.screen_passphrase_new], next)
        retype(en[Str.screen_passphrase_confirm], next)
        tap(en[Str.screen_passphrase_action])
        rule.waitFor(en[Str.screen_passphrase_done])
        tap(en[Str.action_done])
        rule.waitFor(en[Str.screen_settings_change_passphrase])

        // The new passphrase opens the vault; the old one no longer does.
        app.lock()
        assertTrue(runBlocking { gateway.unlock(Fixtures.PASSPHRASE) }.isFailure)
        assertTrue(runBlocking { gateway.unlock(next) }.isSuccess)
    }

    @Test
    fun biometricUnlockIsTurnedOnAndOffWithItsDeviceSlot() {
        val biometrics = FakeBiometrics()
        val (app, gateway) = unlockedApp(biometrics)
        openSettings(app)
        // A cancelled prompt leaves no slot behind and says so.
        biometrics.accept = false
        toggle(en[Str.screen_settings_biometric])
        rule.waitFor(en[Str.screen_settings_biometric_cancelled])
        assertEquals(emptyList<String>(), runBlocking { gateway.deviceSlots() }.getOrThrow())

        biometrics.accept = true
        toggle(en[Str.screen_settings_biometric])
        rule.waitUntil(30_000) { app.settingsScreen.state.value.biometricOn && !app.settingsScreen.state.value.busy }
        val slots = runBlocking { gateway.deviceSlots() }.getOrThrow()
        assertEquals(listOf(biometrics.stored?.first), slots)

        // It unlocks: lock, then the biometric button on Unlock.
        app.lock()
        tap(en[Str.screen_unlock_biometric])
        rule.waitFor(en[Str.screen_today_recent])

        openSettings(app)
        toggle(en[Str.screen_settings_biometric])
        rule.waitUntil(30_000) { !app.settingsScreen.state.value.biometricOn && !app.settingsScreen.state.value.busy }
        assertNull(biometrics.stored)
        assertEquals(emptyList<String>(), runBlocking { gateway.deviceSlots() }.getOrThrow())
    }

    @Test
    fun erasingAsksTwiceThenLeavesNoVaultAndOpensFirstLaunch() {
        val biometrics = FakeBiometrics()
        // A daily check-in reminder at 20:00, armed at unlock.
        val (app, gateway) = unlockedApp(biometrics) { v -> v.saveMeetingSettings(v.meetingSettings().copy(checkInMinute = 1200u)) }
        rule.waitUntil(30_000) { alarms.armed.isNotEmpty() }
        openSettings(app)
        toggle(en[Str.screen_settings_biometric])
        rule.waitUntil(30_000) { app.settingsScreen.state.value.biometricOn }

        tap(en[Str.screen_settings_erase])
        rule.waitFor(en[Str.screen_wipe_what])
        tap(en[Str.screen_wipe_start])
        rule.waitFor(en[Str.screen_wipe_confirm])
        // "No" goes back a step and erases nothing.
        tap(en[Str.screen_wipe_no])
        rule.waitGone(en[Str.screen_wipe_confirm])
        assertTrue(runBlocking { gateway.exists() })

        tap(en[Str.screen_wipe_start])
        tap(en[Str.screen_wipe_yes])
        rule.waitFor(en[Str.screen_first_launch_title])
        assertEquals(listOf<Route>(Route.FirstLaunch), app.backStack.value)
        assertFalse(runBlocking { gateway.exists() })
        assertNull(biometrics.stored)
        assertFalse(File(tmp.root, "vault.db").exists())
        // The erased journal's reminders are cancelled and their kept schedule emptied.
        rule.waitUntil(30_000) { alarms.kept.isEmpty() && alarms.armed.isEmpty() }
        // Settings outside the vault stay as they were.
        assertTrue(settings.secureScreen)
    }

    /** Any text on screen with the app's own name in it. */
    private fun keelShown() = rule.onAllNodes(hasText("Keel", substring = true)).fetchSemanticsNodes().isNotEmpty()

    @Test
    fun discreetModeKeepsTheNameKeelOffTheLockedScreens() {
        val (app, _) = unlockedApp()
        openSettings(app)
        toggle(en[Str.screen_settings_discreet])
        rule.waitUntil(30_000) { app.discreet.value }

        app.lock()
        rule.waitFor(en[Str.screen_unlock_title])
        rule.waitFor(en[Str.screen_settings_discreet_name])
        assertFalse(keelShown())
        // A wrong passphrase is said with the neutral name too.
        field(en[Str.screen_unlock_passphrase]).performTextInput("not my passphrase at all")
        button(en[Str.screen_unlock_action]).performClick()
        rule.waitFor(en[Str.screen_unlock_wrong, en[Str.screen_settings_discreet_name]])
        assertFalse(keelShown())
        tap(en[Str.screen_unlock_forgot])
        rule.waitFor(en[Str.screen_forgot_body, en[Str.screen_settings_discreet_name]])
        assertFalse(keelShown())
        app.back()

        // Off again: the locked screen says Keel.
        rule.waitUntil(30_000) { app.unlock.state.value.waitSeconds == 0 }
        field(en[Str.screen_unlock_passphrase]).performTextInput(Fixtures.PASSPHRASE)
        button(en[Str.screen_unlock_action]).performClick()
        rule.waitFor(en[Str.screen_today_recent])
        openSettings(app)
        toggle(en[Str.screen_settings_discreet])
        rule.waitUntil(30_000) { !app.discreet.value }
        app.lock()
        rule.waitFor(en[Str.screen_unlock_title])
        rule.waitFor(en[Str.app_name])
        assertTrue(keelShown())
    }

    @Test
    fun renewingTheKeyKeepsTheDataAndThePassphraseAndEndsBiometricUnlock() {
        val biometrics = FakeBiometrics()
        var pausing: PausingGateway? = null
        val (app, gateway) = unlockedApp(biometrics, wrap = { PausingGateway(it).also { g -> pausing = g } }) { v ->
            v.saveMeetingSettings(v.meetingSettings().copy(checkInMinute = 1200u))
        }
        openSettings(app)
        toggle(en[Str.screen_settings_biometric])
        rule.waitUntil(30_000) { app.settingsScreen.state.value.biometricOn && !app.settingsScreen.state.value.busy }
        val slot = runBlocking { gateway.deviceSlots() }.getOrThrow()
        assertEquals(1, slot.size)

        // A wrong passphrase is refused: nothing changed, biometric unlock still on.
        field(en[Str.screen_settings_rekey_passphrase]).performScrollTo().performTextInput("not my passphrase at all")
        tap(en[Str.screen_settings_rekey_action])
        rule.waitFor(en[Str.screen_settings_rekey_wrong])
        assertEquals(slot, runBlocking { gateway.deviceSlots() }.getOrThrow())
        assertTrue(biometrics.enrolled())
        rule.waitUntil(30_000) { app.rekey.state.value.waitSeconds == 0 }

        // Cancelled while the call is held at the gate: nothing changed.
        field(en[Str.screen_settings_rekey_passphrase]).performScrollTo().performTextInput(Fixtures.PASSPHRASE)
        pausing!!.pause()
        tap(en[Str.screen_settings_rekey_action])
        rule.waitUntil(30_000) { app.rekey.state.value.busy }
        tap(en[Str.action_cancel])
        pausing!!.resume()
        rule.waitFor(en[Str.screen_settings_rekey_cancelled])
        assertNull(app.rekey.state.value.done)
        assertEquals(slot, runBlocking { gateway.deviceSlots() }.getOrThrow())
        assertTrue(biometrics.enrolled())

        // Renewed: every record sealed again, the device slot gone and the switch off.
        tap(en[Str.screen_settings_rekey_action])
        rule.waitFor(en[Str.screen_settings_rekey_biometric_off])
        val done = app.rekey.state.value.done!!
        assertTrue(done.records > 0uL)
        assertEquals(1uL, done.deviceSlotsRemoved)
        rule.onNode(hasText(en[Str.screen_settings_rekey_done, done.records.toLong()])).assertExists()
        assertEquals(emptyList<String>(), runBlocking { gateway.deviceSlots() }.getOrThrow())
        assertNull(biometrics.stored)
        rule.waitUntil(30_000) { !app.settingsScreen.state.value.biometricOn }

        // Locked, then unlocked with the same passphrase: the data is still there.
        app.lock()
        rule.waitFor(en[Str.screen_unlock_title])
        assertTrue(rule.onAllNodes(hasText(en[Str.screen_unlock_biometric])).fetchSemanticsNodes().isEmpty())
        field(en[Str.screen_unlock_passphrase]).performTextInput(Fixtures.PASSPHRASE)
        button(en[Str.screen_unlock_action]).performClick()
        rule.waitFor(en[Str.screen_today_recent])
        assertEquals(1200.toUShort(), runBlocking { gateway.withVault { v, _ -> v.meetingSettings().checkInMinute } }.getOrThrow())
    }

    @Test
    fun thePrivacyPageSaysWhatIsKeptAndWhere() {
        val (app, _) = unlockedApp()
        openSettings(app)
        tap(en[Str.action_about])
        rule.waitFor(en[Str.screen_about_vault])
        rule.onNode(hasText(en[Str.screen_about_limits])).performScrollTo().assertExists()
    }
}

/** The launcher entries discreet mode switches between, read from the source manifest. */
class SettingsManifestTest {
    private val app = File(Fixtures.sources, "app/src/main")

    private fun aliases(): Map<String, Element> {
        val doc = DocumentBuilderFactory.newInstance().apply { isNamespaceAware = true }.newDocumentBuilder().parse(File(app, "AndroidManifest.xml"))
        val list = doc.getElementsByTagName("activity-alias")
        return (0 until list.length).map { list.item(it) as Element }.associateBy { it.attr("name") }
    }

    private fun Element.attr(name: String) = getAttributeNS("http://schemas.android.com/apk/res/android", name)

    private fun Element.isLauncher(): Boolean {
        val categories = getElementsByTagName("category")
        return (0 until categories.length).any { (categories.item(it) as Element).attr("name") == "android.intent.category.LAUNCHER" }
    }

    @Test
    fun exactlyOneLauncherEntryIsOnAndDiscreetModeHasItsOwn() {
        val aliases = aliases()
        assertEquals(setOf(".LauncherKeel", ".LauncherNeutral"), aliases.keys)
        assertEquals("true", aliases.getValue(".LauncherKeel").attr("enabled"))
        assertEquals("false", aliases.getValue(".LauncherNeutral").attr("enabled"))
        for (alias in aliases.values) {
            assertEquals(".MainActivity", alias.attr("targetActivity"))
            assertTrue(alias.isLauncher())
        }
        assertEquals("@string/screen_settings_discreet_name", aliases.getValue(".LauncherNeutral").attr("label"))
        // The activity itself is no launcher entry: only the aliases are.
        val manifest = File(app, "AndroidManifest.xml").readText()
        assertEquals(2, Regex("android.intent.category.LAUNCHER").findAll(manifest).count())
    }

    @Test
    fun theGlueNamesTheManifestsAliasesAndTheIconsExist() {
        val namespace = Regex("""namespace = "([^"]+)"""").find(File(Fixtures.sources, "app/build.gradle.kts").readText())!!.groupValues[1]
        val glue = File(app, "kotlin/org/keel/android/app/AndroidDevicePrivacy.kt").readText()
        for (alias in aliases().keys) assertTrue(alias, glue.contains("\"$namespace$alias\""))
        for (alias in aliases().values) {
            val icon = alias.attr("icon").removePrefix("@mipmap/")
            assertTrue(icon, File(app, "res/mipmap-anydpi-v26/$icon.xml").isFile)
            val drawables = Regex("""@drawable/(\w+)""").findAll(File(app, "res/mipmap-anydpi-v26/$icon.xml").readText()).map { it.groupValues[1] }
            for (d in drawables) assertTrue(d, File(app, "res/drawable/$d.xml").isFile)
        }
    }
}

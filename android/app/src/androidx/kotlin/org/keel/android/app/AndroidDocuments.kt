package org.keel.android.app

import android.app.Activity
import android.content.ActivityNotFoundException
import android.content.ClipData
import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.activity.ComponentActivity
import androidx.activity.result.ActivityResult
import androidx.activity.result.ActivityResultLauncher
import androidx.activity.result.contract.ActivityResultContract
import androidx.activity.result.contract.ActivityResultContracts
import androidx.core.content.FileProvider
import java.io.File
import java.io.IOException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import org.keel.android.ui.Documents

/**
 * [Documents] on Android: the Storage Access Framework's pickers
 * (ActivityResult `OpenDocument`, and `ACTION_CREATE_DOCUMENT` with the
 * call's own type and suggested name) and the share sheet over a
 * FileProvider. Keel asks for no storage permission: the participant's
 * choice in the system picker grants access to that one file only.
 *
 * A shared file has to exist for the receiving app to read it: it is
 * written to `cacheDir/shared/` (app-private, never backed up), offered
 * read-only through [FileProvider] for that one share, and removed, with
 * the grant revoked, once the participant is back in Keel from the share
 * sheet; anything left by a process that died meanwhile is removed at the
 * next start ([sweep]). docs/security.md says what a share leaves behind.
 *
 * The launchers are registered by each [MainActivity] in `onCreate` ([attach]);
 * this object outlives rotations (it lives in [AppGraph]), so a result
 * that arrives in a re-created activity still completes the waiting call.
 */
class AndroidDocuments(private val context: Context) : Documents {
    private var openLauncher: ActivityResultLauncher<Array<String>>? = null
    private var saveLauncher: ActivityResultLauncher<CreateRequest>? = null
    private var shareLauncher: ActivityResultLauncher<Intent>? = null

    @Volatile private var opening: CompletableDeferred<Uri?>? = null
    @Volatile private var saving: CompletableDeferred<Uri?>? = null
    @Volatile private var sharing: CompletableDeferred<Unit>? = null

    /**
     * True while a system picker Keel opened is on screen. The activity is
     * stopped meanwhile, but the participant has not left Keel: MainActivity
     * does not report it as backgrounded (turning the screen off still
     * locks at once). The share sheet does not count: the app shared to
     * can stay open for long, so leaving for it locks as leaving always does.
     */
    val pickerShowing: Boolean get() = opening != null || saving != null

    private val sharedDir: File get() = File(context.cacheDir, SHARED_DIR)

    /** Registers the launchers on [activity]; call in `onCreate`, before it starts. */
    fun attach(activity: ComponentActivity) {
        openLauncher = activity.registerForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
            opening?.complete(uri)
        }
        saveLauncher = activity.registerForActivityResult(CreateDocumentOf) { uri ->
            saving?.complete(uri)
        }
        shareLauncher = activity.registerForActivityResult(ActivityResultContracts.StartActivityForResult()) { _: ActivityResult ->
            sharing?.complete(Unit)
        }
    }

    /** Drops [activity]'s launchers (its `onDestroy`); a result still pending reaches the next activity's. */
    fun detach(activity: Activity) {
        if (activity.isChangingConfigurations) return
        openLauncher = null
        saveLauncher = null
        shareLauncher = null
    }

    override suspend fun open(mimeTypes: List<String>): ByteArray? {
        val launcher = openLauncher ?: return null
        val done = CompletableDeferred<Uri?>().also { opening = it }
        val uri = try {
            launcher.launch(mimeTypes.toTypedArray())
            done.await()
        } catch (_: ActivityNotFoundException) {
            null
        } finally {
            opening = null
        } ?: return null
        return withContext(Dispatchers.IO) {
            try {
                context.contentResolver.openInputStream(uri)?.use { input -> readLimited(input) }
            } catch (_: IOException) {
                null
            } catch (_: SecurityException) {
                null
            }
        }
    }

    override suspend fun save(suggestedName: String, mimeType: String, bytes: ByteArray): Boolean {
        val launcher = saveLauncher ?: return false
        val done = CompletableDeferred<Uri?>().also { saving = it }
        val uri = try {
            launcher.launch(CreateRequest(suggestedName, mimeType))
            done.await()
        } catch (_: ActivityNotFoundException) {
            null
        } finally {
            saving = null
        } ?: return false
        return withContext(Dispatchers.IO) {
            try {
                // "wt": a file picked again is replaced, never appended to.
                context.contentResolver.openOutputStream(uri, "wt")?.use { it.write(bytes) } != null
            } catch (_: IOException) {
                false
            } catch (_: SecurityException) {
                false
            }
        }
    }

    override suspend fun share(suggestedName: String, mimeType: String, bytes: ByteArray): Boolean {
        val launcher = shareLauncher ?: return false
        val file = withContext(Dispatchers.IO) {
            sweep()
            try {
                File(sharedDir.apply { mkdirs() }, File(suggestedName).name).apply { writeBytes(bytes) }
            } catch (_: IOException) {
                null
            }
        } ?: return false
        val uri = FileProvider.getUriForFile(context, "${context.packageName}$AUTHORITY_SUFFIX", file)
        val send = Intent(Intent.ACTION_SEND).apply {
            type = mimeType
            putExtra(Intent.EXTRA_STREAM, uri)
            // The grant travels with the chooser's clip to the app chosen.
            clipData = ClipData.newRawUri(file.name, uri)
            addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        }
        val done = CompletableDeferred<Unit>().also { sharing = it }
        val shown = try {
            launcher.launch(Intent.createChooser(send, null))
            done.await()
            true
        } catch (_: ActivityNotFoundException) {
            false
        } finally {
            sharing = null
            // Back in Keel (or the sheet never opened): the file goes, and so does the grant.
            context.revokeUriPermission(uri, Intent.FLAG_GRANT_READ_URI_PERMISSION)
            file.delete()
        }
        return shown
    }

    /** Removes every shared file still in the cache (a share a dead process could not finish). */
    fun sweep() {
        sharedDir.listFiles()?.forEach { it.delete() }
    }

    /** The file's bytes; none (an empty answer the screens call unreadable) past [MAX_BYTES], as nothing Keel opens is larger. */
    private fun readLimited(input: java.io.InputStream): ByteArray? {
        val out = java.io.ByteArrayOutputStream()
        val buffer = ByteArray(64 * 1024)
        while (true) {
            val n = input.read(buffer)
            if (n < 0) return out.toByteArray()
            if (out.size() + n > MAX_BYTES) return ByteArray(0)
            out.write(buffer, 0, n)
        }
    }

    /** A "save to" request: the suggested name and the file's type. */
    class CreateRequest(val name: String, val mimeType: String)

    /** `ACTION_CREATE_DOCUMENT` with each call's type (the stock contract fixes one per launcher). */
    private object CreateDocumentOf : ActivityResultContract<CreateRequest, Uri?>() {
        override fun createIntent(context: Context, input: CreateRequest): Intent =
            Intent(Intent.ACTION_CREATE_DOCUMENT)
                .addCategory(Intent.CATEGORY_OPENABLE)
                .setType(input.mimeType)
                .putExtra(Intent.EXTRA_TITLE, input.name)

        override fun parseResult(resultCode: Int, intent: Intent?): Uri? =
            if (resultCode == Activity.RESULT_OK) intent?.data else null
    }

    companion object {
        /** The FileProvider's authority: the package name plus this (the manifest's provider). */
        const val AUTHORITY_SUFFIX = ".files"

        /** Under `cacheDir`; the provider's paths (res/xml/shared_paths.xml) name only this. */
        const val SHARED_DIR = "shared"

        /** The core's own limit for a backup, the largest file Keel reads (256 MiB). */
        const val MAX_BYTES = 256 * 1024 * 1024
    }
}

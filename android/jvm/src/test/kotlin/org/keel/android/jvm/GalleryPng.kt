package org.keel.android.jvm

import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.graphics.toAwtImage
import java.io.File
import java.util.concurrent.Executors
import java.util.concurrent.Future
import javax.imageio.IIOImage
import javax.imageio.ImageIO
import javax.imageio.ImageWriteParam
import javax.imageio.stream.FileImageOutputStream

/**
 * PNG files for the gallery, written on a background thread while the next
 * screen renders. The JDK's PNG writer at a fast deflate level: Skia's
 * encoder (best compression) took 0.5-1 s per tall screenshot, most of the
 * gallery's time; these files are about a third larger.
 */
object GalleryPng {
    private val pool = Executors.newSingleThreadExecutor { r -> Thread(r, "gallery-png").apply { isDaemon = true } }

    fun write(image: ImageBitmap, file: File): Future<*> {
        val awt = image.toAwtImage()
        return pool.submit {
            val writer = ImageIO.getImageWritersByFormatName("png").next()
            val param = writer.defaultWriteParam.apply {
                compressionMode = ImageWriteParam.MODE_EXPLICIT
                compressionQuality = FAST
            }
            file.delete()
            FileImageOutputStream(file).use { out ->
                writer.output = out
                writer.write(null, IIOImage(awt, null, null), param)
            }
            writer.dispose()
        }
    }

    /** The JDK maps quality q to deflate level 9 × (1 - q): 0.9 is level 1. */
    private const val FAST = 0.9f
}

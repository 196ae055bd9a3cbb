package org.keel.android.app

import android.app.Application

/** Builds the object graph once per process. */
class KeelApplication : Application() {
    lateinit var graph: AppGraph
        private set

    override fun onCreate() {
        super.onCreate()
        graph = AppGraph(this)
    }
}

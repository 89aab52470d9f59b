/** The desktop side of local trials: run/stop, phase progress, live edge labels and records. */
package dev.pipewright.app.trial;

/** Undoable edits of pipeline-level settings made from the inspector when no node is selected. */
package dev.pipewright.app.desktop.command;

/**
 * The editor: the canvas renderer, gestures, commands with undo, palette and inspector models. Edits the model; knows nothing of Kafka.
 */
package dev.pipewright.canvas;

/**
 * The JavaFX application shell and the CLI; wires the parts together. Nothing imports it.
 */
package dev.pipewright.app;

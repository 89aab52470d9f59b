/** Comparing the drawing with what a Kafka Connect cluster runs, shown as findings on the canvas. */
package dev.pipewright.app.diff;

/**
 * Node-kind icons: a small, strict SVG-subset loader ({@code icons/*.svg} on the classpath) and one
 * renderer that draws the same pre-parsed shapes on a Canvas, as scene-graph nodes, or as images.
 */
package dev.pipewright.canvas.icons;

/**
 * The pipeline file: reading {@code apiVersion: pipewright/v1} YAML into a {@link
 * dev.pipewright.model.Pipeline} with located, actionable problems, and writing the canonical
 * form back atomically. See docs/pipeline-format.md.
 */
package dev.pipewright.model.io;

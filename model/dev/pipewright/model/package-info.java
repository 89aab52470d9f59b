/**
 * The pipeline model: immutable records for nodes, edges, clusters and SLOs, the legal edges, the pipeline file and the lint rules. Plain Java and Jackson; every other part reads it.
 */
package dev.pipewright.model;

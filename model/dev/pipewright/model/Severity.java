package dev.pipewright.model;

/** How bad a finding is: an ERROR means the pipeline cannot run, a WARNING that it will run badly. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}

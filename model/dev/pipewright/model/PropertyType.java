package dev.pipewright.model;

/** The type of a node property; decides how a value is checked, edited and written to YAML. */
public enum PropertyType {
  /** Free text. */
  STRING,
  /** A whole number (written to YAML as a number). */
  INT,
  /** A true/false flag (written to YAML as a boolean). */
  BOOLEAN,
  /** One of {@link PropertySpec#choices()}. */
  ENUM,
  /** A comma-separated list, e.g. a table include list. */
  LIST,
  /** A password or key: only a reference such as {@code ${env:NAME}} may be stored. */
  SECRET,
  /** A URL or connection string. */
  URL
}

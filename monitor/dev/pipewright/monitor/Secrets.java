package dev.pipewright.monitor;

import dev.pipewright.model.SecretRef;

/** Resolves secret references at connect time; the resolved value is never kept or logged. */
public final class Secrets {
  private Secrets() {}

  /**
   * The value behind {@code reference} ({@code ${env:…}} or {@code ${file:…}}); a literal is
   * refused because pipeline files must not hold secrets.
   *
   * @param where what the secret is for, used in the error message (e.g. "Kafka SASL password")
   */
  public static String resolve(String reference, String where) {
    if (reference == null || reference.isBlank()) {
      throw new MonitorConfigException(where + " is not set; give a reference such as ${env:NAME}");
    }
    SecretRef ref = SecretRef.parse(reference).orElseThrow(() -> new MonitorConfigException(
        where + " must be a reference such as ${env:NAME} or ${file:path:key}, not a literal value"));
    return ref.resolve().orElseThrow(() -> new MonitorConfigException(
        where + ": " + ref + " did not resolve; set the environment variable or add the key to the file"));
  }
}

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
    try {
      return SecretRef.resolveRequired(reference, where);
    } catch (IllegalArgumentException e) {
      throw new MonitorConfigException(e.getMessage());
    }
  }
}

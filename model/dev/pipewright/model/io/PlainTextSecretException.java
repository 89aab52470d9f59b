package dev.pipewright.model.io;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link PipelineFile#save} refused to write because a secret (a {@code SECRET} node property or
 * a cluster password) holds a literal value instead of a {@code ${env:NAME}} or {@code
 * ${file:path:key}} reference. Names each offending node or cluster and field, and the fix; the
 * file on disk is left untouched. The secret value itself is never part of the message.
 */
public final class PlainTextSecretException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * One literal secret.
   *
   * @param owner {@code node 'shop-db'} or {@code cluster 'prod'}
   * @param field the field path, e.g. {@code properties.password} or {@code security.password}
   * @param suggestedReference a reference to store instead, e.g. {@code ${env:SHOP_DB_PASSWORD}}
   */
  public record Offender(String owner, String field, String suggestedReference) {
    String describe() {
      return owner + " " + field + " holds a plain-text secret; write a reference such as "
          + suggestedReference + " (or ${file:/path/to/secrets.properties:key}) and keep the value "
          + "in that environment variable or file";
    }
  }

  private final transient List<Offender> offenders;

  PlainTextSecretException(List<Offender> offenders) {
    super("Not saved: secrets are never written in plain text.\n"
        + offenders.stream().map(Offender::describe).collect(Collectors.joining(".\n")) + ".");
    this.offenders = List.copyOf(offenders);
  }

  /** Every literal secret found, in file order. */
  public List<Offender> offenders() {
    return offenders;
  }
}

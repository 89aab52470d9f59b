package dev.pipewright.app.desktop.inspector;

import dev.pipewright.model.SecretRef;
import java.util.Optional;

/**
 * The text of secret references as people build and read them, shared by every form that takes
 * a password (the inspector, the attach dialog): building {@code ${env:NAME}} or
 * {@code ${file:path:key}} from the "Reference…" helper's parts, and describing one in words.
 */
public final class References {
  private References() {}

  /** A reference built from the helper's parts, or the sentence saying what is missing. */
  public record Built(Optional<String> reference, String problem) {}

  /** @param provider {@code env} or {@code file} */
  public static Built build(String provider, String pathOrName, String fileKey) {
    String ref = "file".equals(provider)
        ? "${file:" + strip(pathOrName) + ":" + strip(fileKey) + "}"
        : "${env:" + strip(pathOrName) + "}";
    if (SecretRef.isReference(ref)) {
      return new Built(Optional.of(ref), "");
    }
    return new Built(Optional.empty(), "file".equals(provider)
        ? "A file reference needs the path of a properties file and a key in it, e.g. /etc/pipewright/secrets.properties and pg.password."
        : "An environment variable name uses letters, digits and _ and does not start with a digit, e.g. PG_PASSWORD.");
  }

  /** Where the secret behind {@code reference} is read from, in a sentence; empty for a non-reference. */
  public static String describe(String reference) {
    return SecretRef.parse(reference).map(r -> "env".equals(r.provider())
        ? "Read from the environment variable " + r.key() + " at run time."
        : "Read from key " + r.key() + " of " + r.path() + " at run time.").orElse("");
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}

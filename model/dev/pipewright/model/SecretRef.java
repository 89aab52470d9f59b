package dev.pipewright.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a secret kept outside the pipeline file: {@code ${env:NAME}} (an environment
 * variable) or {@code ${file:path:key}} (a key in a properties file). These are the spellings
 * Kafka Connect's EnvVarConfigProvider and FileConfigProvider understand, so exports can pass
 * them through unchanged.
 */
public record SecretRef(String provider, String path, String key) {
  private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern FILE = Pattern.compile("\\$\\{file:([^:}]+):([^:}]+)}");

  /** Parses a reference; empty when the text is not one (for example a literal password). */
  public static Optional<SecretRef> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = ENV.matcher(text.trim());
    if (m.matches()) {
      return Optional.of(new SecretRef("env", null, m.group(1)));
    }
    m = FILE.matcher(text.trim());
    if (m.matches()) {
      return Optional.of(new SecretRef("file", m.group(1), m.group(2)));
    }
    return Optional.empty();
  }

  public static boolean isReference(String text) {
    return parse(text).isPresent();
  }

  public static SecretRef env(String name) {
    return new SecretRef("env", null, name);
  }

  /** The text stored in the file, e.g. {@code ${env:PG_PASSWORD}}. */
  @Override
  public String toString() {
    return "env".equals(provider) ? "${env:" + key + "}" : "${file:" + path + ":" + key + "}";
  }

  /**
   * The value behind {@code reference}, for a client connecting now; a literal is refused
   * because pipeline files must not hold secrets.
   *
   * @param where what the secret is for, e.g. "cluster 'prod' security.password"
   * @throws IllegalArgumentException with a sentence naming {@code where} and the reference
   *     (never a value) when it is missing, a literal, or does not resolve
   */
  public static String resolveRequired(String reference, String where) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException(where + " is not set; give a reference such as ${env:NAME}");
    }
    SecretRef ref = parse(reference).orElseThrow(() -> new IllegalArgumentException(
        where + " must be a reference such as ${env:NAME} or ${file:path:key}, not a literal value"));
    return ref.resolve().orElseThrow(() -> new IllegalArgumentException(
        where + ": " + ref + " did not resolve; set the environment variable or add the key to the file"));
  }

  /**
   * Looks the secret up in this process's environment, or in the named properties file. Empty
   * when it cannot be found; callers say which reference was missing, never the value.
   */
  public Optional<String> resolve() {
    if ("env".equals(provider)) {
      return Optional.ofNullable(System.getenv(key));
    }
    try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(path))) {
      var props = new java.util.Properties();
      props.load(in);
      return Optional.ofNullable(props.getProperty(key));
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}

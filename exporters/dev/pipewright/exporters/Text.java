package dev.pipewright.exporters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pipewright.model.SecretRef;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers the formats share: stable JSON, secret-reference rewriting, identifiers. */
public final class Text {
  private static final Pattern REF = Pattern.compile("\\$\\{(?:env|file):[^}]+}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
  private static final DefaultPrettyPrinter PRINTER;

  static {
    // LF and "key": value everywhere, whatever the platform, so exports are byte-identical.
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter).withArrayIndenter(indenter);
  }

  private Text() {}

  /** Pretty JSON with two-space indents and a final newline; maps keep their iteration order. */
  public static String json(Object value) {
    try {
      return JSON.writer(PRINTER).writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces every {@code ${env:…}} / {@code ${file:…}} inside {@code value} by what {@code f} makes of it. */
  public static String replaceRefs(String value, Function<SecretRef, String> f) {
    Matcher m = REF.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(SecretRef.parse(m.group()).orElseThrow())));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** True when the value holds at least one secret reference. */
  public static boolean hasRef(String value) {
    return value != null && REF.matcher(value).find();
  }

  /** A lower-case identifier ({@code [a-z0-9_]}, not starting with a digit) for Terraform names. */
  public static String identifier(String s) {
    String id = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("_{2,}", "_")
        .replaceAll("^_+|_+$", "");
    if (id.isEmpty() || Character.isDigit(id.charAt(0))) {
      id = "x_" + id;
    }
    return id;
  }

  /** A stable name for the value behind a reference: {@code PG_PASSWORD} or {@code db_password} for a file key. */
  public static String secretName(SecretRef ref) {
    if ("env".equals(ref.provider())) {
      return ref.key();
    }
    String file = ref.path().replaceAll(".*/", "").replaceAll("\\.[A-Za-z0-9]+$", "");
    return file + "_" + ref.key();
  }
}

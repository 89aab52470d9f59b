package dev.pipewright.app.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the text of an exported file into coloured tokens for the preview: JSON, YAML, HCL
 * (Terraform), Java properties and shell. A small regex tokenizer on purpose (see decision
 * 0091): the preview only needs keys, strings, numbers, comments and secret references to
 * stand out, and a highlighting library would be a large dependency for that. Every character
 * of the input lands in exactly one token, so the text reads the same as the file.
 */
public final class SyntaxHighlighter {
  private SyntaxHighlighter() {}

  /** The languages the preview colours; {@link #PLAIN} for anything else. */
  public enum Language {
    JSON, YAML, HCL, PROPERTIES, SHELL, PLAIN;

    /** The language of a file by its name: {@code .json}, {@code .yaml}/{@code .yml}, {@code .tf}/{@code .hcl}, … */
    public static Language of(String fileName) {
      String n = fileName.toLowerCase(Locale.ROOT);
      if (n.endsWith(".json")) {
        return JSON;
      } else if (n.endsWith(".yaml") || n.endsWith(".yml")) {
        return YAML;
      } else if (n.endsWith(".tf") || n.endsWith(".hcl") || n.endsWith(".tfvars")) {
        return HCL;
      } else if (n.endsWith(".properties") || n.endsWith(".env")) {
        return PROPERTIES;
      } else if (n.endsWith(".sh") || n.endsWith(".bash")) {
        return SHELL;
      }
      return PLAIN;
    }
  }

  /** What a piece of text is, which decides its colour (the style class {@code syntax-<kind>}). */
  public enum Kind { KEY, STRING, NUMBER, KEYWORD, COMMENT, REFERENCE, PUNCTUATION, PLAIN }

  /** A run of text and its kind. */
  public record Token(Kind kind, String text) {}

  private static final String REF = "(?<REFERENCE>\\$\\{[^}\\n]*\\}|\\$[A-Za-z_][A-Za-z0-9_]*)";

  private static final Pattern JSON = Pattern.compile(
      "(?<KEY>\"(?:[^\"\\\\\\n]|\\\\.)*\"(?=\\s*:))"
          + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\")"
          + "|(?<NUMBER>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
          + "|(?<KEYWORD>\\b(?:true|false|null)\\b)"
          + "|(?<PUNCTUATION>[{}\\[\\]:,])");

  private static final Pattern YAML = Pattern.compile(
      "(?<COMMENT>(?<=^|\\s)#[^\\n]*)"
          + "|(?<KEY>(?<=^|\\n)[ \\t]*(?:- )?[A-Za-z0-9_.\\-/\"']+(?=:(?:\\s|$)))"
          + "|" + REF
          + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*')"
          + "|(?<NUMBER>(?<=[:\\-] )-?\\d+(?:\\.\\d+)?(?=\\s*$|\\s*\\n))"
          + "|(?<KEYWORD>(?<=: )(?:true|false|null)\\b)"
          + "|(?<PUNCTUATION>^---|(?<=\\s)- |[:{}\\[\\],])",
      Pattern.MULTILINE);

  private static final Pattern HCL = Pattern.compile(
      "(?<COMMENT>#[^\\n]*|//[^\\n]*|/\\*[\\s\\S]*?\\*/)"
          + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\")"
          + "|(?<KEYWORD>\\b(?:resource|variable|provider|terraform|output|locals|module|data|required_providers"
          + "|true|false|null|for_each|each|var|local|jsonencode|sensitive)\\b)"
          + "|(?<KEY>\\b[A-Za-z_][A-Za-z0-9_\\-]*(?=\\s*=[^=]))"
          + "|(?<NUMBER>\\b\\d+(?:\\.\\d+)?\\b)"
          + "|(?<PUNCTUATION>[{}\\[\\]=,()])");

  private static final Pattern PROPERTIES = Pattern.compile(
      "(?<COMMENT>^[ \\t]*[#!][^\\n]*)"
          + "|(?<KEY>^[ \\t]*[^=:#!\\s][^=:\\n]*?(?=\\s*[=:]))"
          + "|" + REF
          + "|(?<PUNCTUATION>(?<=[^\\s=:])\\s*[=:])"
          + "|(?<NUMBER>(?<==)\\d+(?:\\.\\d+)?$)"
          + "|(?<KEYWORD>(?<==)(?:true|false)$)",
      Pattern.MULTILINE);

  private static final Pattern SHELL = Pattern.compile(
      "(?<COMMENT>(?<=^|\\s)#[^\\n]*)"
          + "|(?<STRING>'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\")"
          + "|" + REF
          + "|(?<KEYWORD>\\b(?:if|then|else|elif|fi|for|in|do|done|while|case|esac|function|set|export|local|return"
          + "|exit|echo|curl)\\b)"
          + "|(?<NUMBER>(?<=\\s)-?\\d+\\b)"
          + "|(?<PUNCTUATION>[|&;<>(){}\\[\\]])",
      Pattern.MULTILINE);

  /** The tokens of {@code text} in {@code language}; concatenated, they give back the text. */
  public static List<Token> tokens(String text, Language language) {
    Pattern p = switch (language) {
      case JSON -> JSON;
      case YAML -> YAML;
      case HCL -> HCL;
      case PROPERTIES -> PROPERTIES;
      case SHELL -> SHELL;
      case PLAIN -> null;
    };
    List<Token> out = new ArrayList<>();
    if (p == null) {
      out.add(new Token(Kind.PLAIN, text));
      return out;
    }
    Matcher m = p.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.end() == m.start()) {
        continue;
      }
      if (m.start() > at) {
        out.add(new Token(Kind.PLAIN, text.substring(at, m.start())));
      }
      out.add(new Token(kindOf(m), m.group()));
      at = m.end();
    }
    if (at < text.length()) {
      out.add(new Token(Kind.PLAIN, text.substring(at)));
    }
    return out;
  }

  private static Kind kindOf(Matcher m) {
    for (Kind k : Kind.values()) {
      if (k != Kind.PLAIN && m.pattern().pattern().contains("(?<" + k.name() + ">") && m.group(k.name()) != null) {
        return k;
      }
    }
    return Kind.PLAIN;
  }
}

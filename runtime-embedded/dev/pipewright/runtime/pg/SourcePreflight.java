package dev.pipewright.runtime.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checks a PostgreSQL source must pass before a capture starts: logical decoding enabled,
 * a user allowed to stream changes, and captured tables whose updates and deletes can be told
 * apart (a primary key, or {@code REPLICA IDENTITY FULL}), with a key when a sink upserts by key.
 * Each problem is one sentence that says how to fix it.
 */
public final class SourcePreflight {
  private SourcePreflight() {}

  /** A captured table as the catalogue describes it. */
  public record TableInfo(String schema, String name, boolean hasPrimaryKey, char replicaIdentity) {
    public String qualified() {
      return schema + "." + name;
    }
  }

  /**
   * Runs every check on an open connection.
   *
   * @param where how to name the server in messages, e.g. {@code localhost:5432/shop}
   * @param includeList Debezium's {@code table.include.list} (comma-separated regular expressions), or blank for all
   * @param keyedSinks for each sink that upserts by record key, the tables it receives
   */
  public static List<String> check(Connection c, String where, String includeList,
      Map<String, List<String>> keyedSinks) throws SQLException {
    List<String> problems = new ArrayList<>();
    String wal = show(c, "wal_level");
    if (!"logical".equals(wal)) {
      problems.add("PostgreSQL at " + where + " has wal_level=" + wal + "; change capture needs wal_level=logical. "
          + "Run ALTER SYSTEM SET wal_level = logical and restart the server.");
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT current_user, rolreplication OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
      if (rs.next() && !rs.getBoolean(2)) {
        problems.add("User '" + rs.getString(1) + "' may not stream changes from " + where
            + ". Grant it with ALTER ROLE " + rs.getString(1) + " WITH REPLICATION.");
      }
    }
    List<TableInfo> tables = capturedTables(c, includeList, problems);
    if (tables.isEmpty() && problems.isEmpty()) {
      problems.add("table.include.list '" + includeList + "' matches no table in " + where
          + ". Check the schema.table names (they are regular expressions).");
    }
    for (TableInfo t : tables) {
      if (!t.hasPrimaryKey() && t.replicaIdentity() != 'f' && t.replicaIdentity() != 'i') {
        problems.add("Table " + t.qualified() + " has no primary key and no replica identity, so PostgreSQL will refuse "
            + "its UPDATEs and DELETEs once it is captured. Add a primary key, or run ALTER TABLE " + t.qualified()
            + " REPLICA IDENTITY FULL.");
      }
    }
    for (Map.Entry<String, List<String>> e : keyedSinks.entrySet()) {
      for (TableInfo t : tables) {
        if (!t.hasPrimaryKey() && e.getValue().contains(t.qualified())) {
          problems.add("Table " + t.qualified() + " has no primary key, so its change events carry no key and the upsert sink '"
              + e.getKey() + "' (primary.key.mode=record_key) cannot apply them. Add a primary key to " + t.qualified()
              + ", or set the sink's primary.key.mode to record_value with primary.key.fields.");
        }
      }
    }
    return problems;
  }

  /** The ordinary tables matched by the include list, in schema.table order. */
  public static List<TableInfo> capturedTables(Connection c, String includeList, List<String> problems)
      throws SQLException {
    List<Pattern> include = new ArrayList<>();
    if (includeList != null) {
      for (String part : includeList.split(",")) {
        if (!part.isBlank()) {
          try {
            include.add(Pattern.compile(part.trim()));
          } catch (PatternSyntaxException e) {
            problems.add("table.include.list entry '" + part.trim() + "' is not a valid regular expression: "
                + e.getDescription() + ".");
          }
        }
      }
    }
    List<TableInfo> out = new ArrayList<>();
    String sql = "SELECT n.nspname, c.relname, c.relreplident, "
        + "EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p') "
        + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        + "AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1, 2";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String q = rs.getString(1) + "." + rs.getString(2);
        // Debezium matches the whole schema.table name against each expression.
        if (include.isEmpty() || include.stream().anyMatch(p -> p.matcher(q).matches())) {
          out.add(new TableInfo(rs.getString(1), rs.getString(2), rs.getBoolean(4), rs.getString(3).charAt(0)));
        }
      }
    }
    return out;
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

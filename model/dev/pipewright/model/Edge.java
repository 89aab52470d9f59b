package dev.pipewright.model;

import java.util.Objects;

/** A directed connection from one node (by name) to another: data or writes flow {@code from -> to}. */
public record Edge(String from, String to) {
  public Edge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  public boolean touches(String node) {
    return from.equals(node) || to.equals(node);
  }

  @Override
  public String toString() {
    return from + " -> " + to;
  }
}

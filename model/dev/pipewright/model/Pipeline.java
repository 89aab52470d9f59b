package dev.pipewright.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A whole pipeline: the one model that the canvas draws, the local trial runs, the monitor
 * watches and the exporters write. Immutable; every {@code with…} method returns a new pipeline.
 * Node names are unique; edges refer to nodes by name.
 */
public record Pipeline(
    String name,
    String description,
    Environment environment,
    Converter converter,
    List<Cluster> clusters,
    List<Node> nodes,
    List<Edge> edges,
    List<Slo> slos) {

  /** The {@code apiVersion} written at the top of every pipeline file. */
  public static final String API_VERSION = "pipewright/v1";

  public Pipeline {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    environment = environment == null ? Environment.PRODUCTION : environment;
    converter = converter == null ? Converter.JSON_SCHEMAS : converter;
    clusters = List.copyOf(clusters);
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    slos = List.copyOf(slos);
  }

  public static Pipeline empty(String name) {
    return new Pipeline(name, "", Environment.LOCAL, Converter.JSON_SCHEMAS,
        List.of(Cluster.local("local")), List.of(), List.of(), List.of());
  }

  public Optional<Node> node(String nodeName) {
    return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
  }

  public boolean hasNode(String nodeName) {
    return node(nodeName).isPresent();
  }

  /** The first cluster, which the runtime, monitor and exporters use by default. */
  public Cluster cluster() {
    return clusters.isEmpty() ? Cluster.local("local") : clusters.get(0);
  }

  /** Nodes with an edge into {@code nodeName}, in edge order. */
  public List<Node> upstream(String nodeName) {
    return edges.stream().filter(e -> e.to().equals(nodeName))
        .map(e -> node(e.from())).flatMap(Optional::stream).toList();
  }

  /** Nodes {@code nodeName} has an edge to, in edge order. */
  public List<Node> downstream(String nodeName) {
    return edges.stream().filter(e -> e.from().equals(nodeName))
        .map(e -> node(e.to())).flatMap(Optional::stream).toList();
  }

  public List<Node> nodesOf(NodeKind kind) {
    return nodes.stream().filter(n -> n.kind() == kind).toList();
  }

  public List<Node> nodesIn(Category category) {
    return nodes.stream().filter(n -> n.kind().category() == category).toList();
  }

  public boolean hasEdge(String from, String to) {
    return edges.contains(new Edge(from, to));
  }

  /** Adds a node, or replaces the node of the same name. */
  public Pipeline withNode(Node node) {
    List<Node> copy = new ArrayList<>(nodes);
    int i = indexOf(node.name());
    if (i >= 0) {
      copy.set(i, node);
    } else {
      copy.add(node);
    }
    return withNodes(copy);
  }

  /** Applies {@code change} to the named node; unchanged if there is no such node. */
  public Pipeline updateNode(String nodeName, UnaryOperator<Node> change) {
    int i = indexOf(nodeName);
    if (i < 0) {
      return this;
    }
    List<Node> copy = new ArrayList<>(nodes);
    copy.set(i, change.apply(nodes.get(i)));
    return withNodes(copy);
  }

  /** Removes the named node and every edge touching it. */
  public Pipeline withoutNode(String nodeName) {
    return new Pipeline(name, description, environment, converter, clusters,
        nodes.stream().filter(n -> !n.name().equals(nodeName)).toList(),
        edges.stream().filter(e -> !e.touches(nodeName)).toList(), slos);
  }

  /** Renames a node and every edge and SLO that refers to it. */
  public Pipeline renameNode(String oldName, String newName) {
    return new Pipeline(name, description, environment, converter, clusters,
        nodes.stream().map(n -> n.name().equals(oldName) ? n.withName(newName) : n).toList(),
        edges.stream().map(e -> new Edge(
            e.from().equals(oldName) ? newName : e.from(),
            e.to().equals(oldName) ? newName : e.to())).toList(),
        slos.stream().map(s -> s.target().equals(oldName)
            ? new Slo(s.name(), s.kind(), newName, s.threshold(), s.percentile(), s.objective(), s.window())
            : s).toList());
  }

  public Pipeline withEdge(Edge edge) {
    if (edges.contains(edge)) {
      return this;
    }
    List<Edge> copy = new ArrayList<>(edges);
    copy.add(edge);
    return withEdges(copy);
  }

  public Pipeline withoutEdge(Edge edge) {
    return withEdges(edges.stream().filter(e -> !e.equals(edge)).toList());
  }

  public Pipeline withName(String n) {
    return new Pipeline(n, description, environment, converter, clusters, nodes, edges, slos);
  }

  public Pipeline withDescription(String d) {
    return new Pipeline(name, d, environment, converter, clusters, nodes, edges, slos);
  }

  public Pipeline withEnvironment(Environment e) {
    return new Pipeline(name, description, e, converter, clusters, nodes, edges, slos);
  }

  public Pipeline withConverter(Converter c) {
    return new Pipeline(name, description, environment, c, clusters, nodes, edges, slos);
  }

  public Pipeline withClusters(List<Cluster> c) {
    return new Pipeline(name, description, environment, converter, c, nodes, edges, slos);
  }

  public Pipeline withNodes(List<Node> n) {
    return new Pipeline(name, description, environment, converter, clusters, n, edges, slos);
  }

  public Pipeline withEdges(List<Edge> e) {
    return new Pipeline(name, description, environment, converter, clusters, nodes, e, slos);
  }

  public Pipeline withSlos(List<Slo> s) {
    return new Pipeline(name, description, environment, converter, clusters, nodes, edges, s);
  }

  /** A node name not used yet, derived from {@code base}: {@code base}, {@code base-2}, … */
  public String freshName(String base) {
    if (!hasNode(base)) {
      return base;
    }
    for (int i = 2; ; i++) {
      String candidate = base + "-" + i;
      if (!hasNode(candidate)) {
        return candidate;
      }
    }
  }

  private int indexOf(String nodeName) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).name().equals(nodeName)) {
        return i;
      }
    }
    return -1;
  }
}

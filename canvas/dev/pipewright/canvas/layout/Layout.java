package dev.pipewright.canvas.layout;

import dev.pipewright.model.Category;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Automatic left-to-right layout by stage: longest-path layering of the actual graph (so a
 * transform between a capture and its topic gets its own column), with a floor per
 * {@link Category} so unconnected nodes still stand in their stage, then barycentre sweeps to
 * reduce crossings. Pure and deterministic; the app and the CLI call {@link #apply(Pipeline)}.
 */
public final class Layout {
  /** Horizontal distance between the left edges of two columns. */
  public static final double COLUMN_PITCH = NodeGeometry.WIDTH + 96;
  /** Vertical distance between the tops of two cards in one column. */
  public static final double ROW_PITCH = NodeGeometry.HEIGHT + 32;
  private static final double MARGIN = 48;
  private static final int SWEEPS = 8;

  private Layout() {}

  /**
   * Gives positions to nodes that have none. A pipeline where no node has a position is laid
   * out fully; one where some nodes have positions keeps them and puts the rest in their
   * layer's column below everything else. Unchanged when every node has a position.
   */
  public static Pipeline apply(Pipeline p) {
    long unplaced = p.nodes().stream().filter(n -> n.position() == null).count();
    if (unplaced == 0) {
      return p;
    }
    if (unplaced == p.nodes().size()) {
      return layout(p);
    }
    Map<String, Position> computed = positions(p);
    double bottom = p.nodes().stream().filter(n -> n.position() != null)
        .mapToDouble(n -> n.position().y() + NodeGeometry.HEIGHT).max().orElse(0);
    double below = NodeGeometry.snap(bottom + ROW_PITCH);
    Map<Double, Integer> perColumn = new HashMap<>();
    List<Node> nodes = new ArrayList<>(p.nodes());
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.position() == null) {
        double x = computed.get(n.name()).x();
        int row = perColumn.merge(x, 1, Integer::sum) - 1;
        nodes.set(i, n.withPosition(new Position(x, below + row * ROW_PITCH)));
      }
    }
    return p.withNodes(nodes);
  }

  /** Lays out every node, replacing any positions it had. */
  public static Pipeline layout(Pipeline p) {
    Map<String, Position> pos = positions(p);
    return p.withNodes(p.nodes().stream().map(n -> n.withPosition(pos.get(n.name()))).toList());
  }

  /** Node name -> top-left corner for the full layout of {@code p}. */
  public static Map<String, Position> positions(Pipeline p) {
    int n = p.nodes().size();
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(p.nodes().get(i).name(), i);
    }
    List<List<Integer>> out = new ArrayList<>(n);
    List<List<Integer>> in = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
      in.add(new ArrayList<>());
    }
    for (Edge e : p.edges()) {
      Integer f = index.get(e.from());
      Integer t = index.get(e.to());
      if (f != null && t != null && !f.equals(t)) {
        out.get(f).add(t);
        in.get(t).add(f);
      }
    }
    boolean[][] forward = forwardEdges(p.nodes(), out);
    int[] layer = layers(p.nodes(), out, forward);
    List<List<Integer>> columns = order(layer, out, in, p.nodes());
    Map<String, Position> result = new HashMap<>(n * 2);
    int tallest = columns.stream().mapToInt(List::size).max().orElse(0);
    for (int c = 0; c < columns.size(); c++) {
      List<Integer> col = columns.get(c);
      // Centre each column against the tallest so short stages sit level with their neighbours.
      double top = MARGIN + NodeGeometry.snap((tallest - col.size()) * ROW_PITCH / 2);
      for (int r = 0; r < col.size(); r++) {
        result.put(p.nodes().get(col.get(r)).name(), new Position(MARGIN + c * COLUMN_PITCH, top + r * ROW_PITCH));
      }
    }
    return result;
  }

  /** The column a stage starts in when nothing upstream pushes it further right. */
  private static int floor(Category c) {
    return switch (c) {
      case APPLICATION, SOURCE -> 0;
      case CAPTURE -> 1;
      case TOPIC, TRANSFORM -> 2;
      case SINK -> 3;
    };
  }

  /**
   * Marks the edges used for layering: a depth-first search started from nodes in stage order
   * drops back edges, so a cycle (an application that writes a database and reads the topic
   * fed by it) still yields a left-to-right drawing with the application on the left.
   */
  private static boolean[][] forwardEdges(List<Node> nodes, List<List<Integer>> out) {
    int n = nodes.size();
    boolean[][] forward = new boolean[n][];
    for (int i = 0; i < n; i++) {
      forward[i] = new boolean[out.get(i).size()];
    }
    Integer[] starts = new Integer[n];
    for (int i = 0; i < n; i++) {
      starts[i] = i;
    }
    Arrays.sort(starts, Comparator.comparingInt((Integer i) -> nodes.get(i).kind().category().ordinal()));
    byte[] state = new byte[n]; // 0 new, 1 on stack, 2 done
    int[] stackNode = new int[n];
    int[] stackEdge = new int[n];
    for (int s : starts) {
      if (state[s] != 0) {
        continue;
      }
      // Iterative DFS: 5,000-node chains must not overflow the thread stack.
      int depth = 0;
      stackNode[0] = s;
      stackEdge[0] = 0;
      state[s] = 1;
      while (depth >= 0) {
        int v = stackNode[depth];
        List<Integer> succ = out.get(v);
        if (stackEdge[depth] < succ.size()) {
          int k = stackEdge[depth]++;
          int w = succ.get(k);
          if (state[w] == 1) {
            continue;
          }
          forward[v][k] = true;
          if (state[w] == 0) {
            state[w] = 1;
            depth++;
            stackNode[depth] = w;
            stackEdge[depth] = 0;
          }
        } else {
          state[v] = 2;
          depth--;
        }
      }
    }
    return forward;
  }

  /** Longest-path layering over the forward edges, each node at least at its stage's floor. */
  private static int[] layers(List<Node> nodes, List<List<Integer>> out, boolean[][] forward) {
    int n = nodes.size();
    int[] indegree = new int[n];
    for (int v = 0; v < n; v++) {
      for (int k = 0; k < out.get(v).size(); k++) {
        if (forward[v][k]) {
          indegree[out.get(v).get(k)]++;
        }
      }
    }
    int[] layer = new int[n];
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int v = 0; v < n; v++) {
      layer[v] = floor(nodes.get(v).kind().category());
      if (indegree[v] == 0) {
        queue[tail++] = v;
      }
    }
    while (head < tail) {
      int v = queue[head++];
      for (int k = 0; k < out.get(v).size(); k++) {
        if (!forward[v][k]) {
          continue;
        }
        int w = out.get(v).get(k);
        layer[w] = Math.max(layer[w], layer[v] + 1);
        if (--indegree[w] == 0) {
          queue[tail++] = w;
        }
      }
    }
    return layer;
  }

  /** Columns of node indices, ordered within each column by barycentre sweeps. */
  private static List<List<Integer>> order(int[] layer, List<List<Integer>> out, List<List<Integer>> in,
      List<Node> nodes) {
    int n = layer.length;
    int maxLayer = Arrays.stream(layer).max().orElse(-1);
    List<List<Integer>> columns = new ArrayList<>();
    for (int c = 0; c <= maxLayer; c++) {
      columns.add(new ArrayList<>());
    }
    // Start in stage order, then file order: a stable, meaningful first guess.
    Integer[] all = new Integer[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    Arrays.sort(all, Comparator.comparingInt((Integer i) -> nodes.get(i).kind().category().ordinal()));
    for (int v : all) {
      columns.get(layer[v]).add(v);
    }
    columns.removeIf(List::isEmpty);
    double[] rank = new double[n];
    renumber(columns, rank);
    int[] column = new int[n];
    for (int c = 0; c < columns.size(); c++) {
      for (int v : columns.get(c)) {
        column[v] = c;
      }
    }
    // Barycentre is a heuristic: keep the best order seen, which may be the starting one.
    List<List<Integer>> best = copy(columns);
    long bestCrossings = crossings(columns, column, out);
    double[] bary = new double[n];
    for (int sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
      boolean down = sweep % 2 == 0;
      List<List<Integer>> neighbours = down ? in : out;
      for (int i = 0; i < columns.size(); i++) {
        List<Integer> col = columns.get(down ? i : columns.size() - 1 - i);
        for (int v : col) {
          List<Integer> nb = neighbours.get(v);
          if (nb.isEmpty()) {
            bary[v] = rank[v];
          } else {
            double sum = 0;
            for (int w : nb) {
              sum += rank[w];
            }
            bary[v] = sum / nb.size();
          }
        }
        col.sort(Comparator.comparingDouble((Integer v) -> bary[v]));
        for (int r = 0; r < col.size(); r++) {
          rank[col.get(r)] = (r + 0.5) / col.size();
        }
      }
      long now = crossings(columns, column, out);
      if (now < bestCrossings) {
        bestCrossings = now;
        best = copy(columns);
      }
    }
    return best;
  }

  private static List<List<Integer>> copy(List<List<Integer>> columns) {
    List<List<Integer>> c = new ArrayList<>(columns.size());
    columns.forEach(col -> c.add(new ArrayList<>(col)));
    return c;
  }

  /**
   * Crossings between edges that join the same pair of columns: sort those edges by the row of
   * their start and count inversions in the row of their end (a Fenwick tree, O(E log V)).
   */
  static long crossings(List<List<Integer>> columns, int[] column, List<List<Integer>> out) {
    int n = column.length;
    int[] row = new int[n];
    for (List<Integer> col : columns) {
      for (int r = 0; r < col.size(); r++) {
        row[col.get(r)] = r;
      }
    }
    Map<Long, List<long[]>> groups = new HashMap<>();
    for (int v = 0; v < n; v++) {
      for (int w : out.get(v)) {
        if (column[w] > column[v]) {
          groups.computeIfAbsent(((long) column[v] << 32) | column[w], k -> new ArrayList<>())
              .add(new long[] {row[v], row[w]});
        }
      }
    }
    long total = 0;
    for (Map.Entry<Long, List<long[]>> g : groups.entrySet()) {
      List<long[]> edges = g.getValue();
      edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      int size = columns.get((int) (g.getKey() & 0xffffffffL)).size();
      long[] tree = new long[size + 1];
      long seen = 0;
      for (long[] e : edges) {
        int t = (int) e[1];
        // Edges already seen that end strictly below this one cross it.
        long atOrAbove = 0;
        for (int i = t + 1; i > 0; i -= i & -i) {
          atOrAbove += tree[i];
        }
        total += seen - atOrAbove;
        for (int i = t + 1; i <= size; i += i & -i) {
          tree[i]++;
        }
        seen++;
      }
    }
    return total;
  }

  /** Relative position of every node in its column, 0..1, so columns of unequal height compare. */
  private static void renumber(List<List<Integer>> columns, double[] rank) {
    for (List<Integer> col : columns) {
      for (int r = 0; r < col.size(); r++) {
        rank[col.get(r)] = (r + 0.5) / col.size();
      }
    }
  }
}

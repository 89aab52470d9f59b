package dev.pipewright.model.lint;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the loops of a pipeline (strongly connected components, Tarjan), in node order. */
final class Cycles {
  private Cycles() {}

  /** Each loop as its nodes, starting with the earliest in node order and following edges. */
  static List<List<Node>> find(Pipeline p) {
    Map<String, Integer> index = new HashMap<>();
    List<Node> nodes = new ArrayList<>();
    for (Node n : p.nodes()) {
      if (index.putIfAbsent(n.name(), nodes.size()) == null) {
        nodes.add(n);
      }
    }
    int size = nodes.size();
    List<List<Integer>> next = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      next.add(new ArrayList<>());
    }
    boolean[] selfLoop = new boolean[size];
    for (Edge e : p.edges()) {
      Integer a = index.get(e.from());
      Integer b = index.get(e.to());
      if (a != null && b != null) {
        next.get(a).add(b);
        if (a.equals(b)) {
          selfLoop[a] = true;
        }
      }
    }
    Tarjan t = new Tarjan(next);
    for (int i = 0; i < size; i++) {
      if (t.idx[i] < 0) {
        t.visit(i);
      }
    }
    List<List<Node>> loops = new ArrayList<>();
    for (List<Integer> comp : t.components) {
      if (comp.size() == 1 && !selfLoop[comp.get(0)]) {
        continue;
      }
      comp.sort(Comparator.naturalOrder());
      loops.add(ordered(comp, next).stream().map(nodes::get).toList());
    }
    loops.sort(Comparator.comparingInt(l -> index.get(l.get(0).name())));
    return loops;
  }

  /** Walks the component along its edges from its first node, so the path reads as a loop. */
  private static List<Integer> ordered(List<Integer> comp, List<List<Integer>> next) {
    List<Integer> path = new ArrayList<>();
    int at = comp.get(0);
    while (!path.contains(at)) {
      path.add(at);
      int cur = at;
      at = next.get(cur).stream().filter(comp::contains).filter(n -> !path.contains(n)).findFirst()
          .orElse(comp.get(0));
    }
    return path;
  }

  private static final class Tarjan {
    final List<List<Integer>> next;
    final int[] idx;
    final int[] low;
    final boolean[] onStack;
    final Deque<Integer> stack = new ArrayDeque<>();
    final List<List<Integer>> components = new ArrayList<>();
    int counter;

    Tarjan(List<List<Integer>> next) {
      this.next = next;
      idx = new int[next.size()];
      low = new int[next.size()];
      onStack = new boolean[next.size()];
      java.util.Arrays.fill(idx, -1);
    }

    // Recursive; pipelines are drawn by hand, so depth stays in the hundreds at most.
    void visit(int v) {
      idx[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = true;
      for (int w : next.get(v)) {
        if (idx[w] < 0) {
          visit(w);
          low[v] = Math.min(low[v], low[w]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], idx[w]);
        }
      }
      if (low[v] == idx[v]) {
        List<Integer> comp = new ArrayList<>();
        int w;
        do {
          w = stack.pop();
          onStack[w] = false;
          comp.add(w);
        } while (w != v);
        components.add(comp);
      }
    }
  }
}

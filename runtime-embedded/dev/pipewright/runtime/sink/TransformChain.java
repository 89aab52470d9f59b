package dev.pipewright.runtime.sink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * The single message transforms a connector config names ({@code transforms}, {@code
 * transforms.<alias>.type}, optional {@code predicate}/{@code negate} and {@code predicates}),
 * instantiated from the very classes a Connect worker would load and applied in order, the way
 * Connect applies them between the consumer and a sink task. A transform that returns null drops
 * the record, as on a worker.
 */
public final class TransformChain implements AutoCloseable {
  private record Stage(String alias, Transformation<SinkRecord> transform, Predicate<SinkRecord> predicate,
      boolean negate) {}

  private static final TransformChain EMPTY = new TransformChain(List.of(), List.of());

  private final List<Stage> stages;
  private final List<Predicate<SinkRecord>> predicates;

  private TransformChain(List<Stage> stages, List<Predicate<SinkRecord>> predicates) {
    this.stages = stages;
    this.predicates = predicates;
  }

  /**
   * The chain of {@code config}, configured and ready.
   *
   * @param connector the connector's name, for messages
   * @throws IllegalArgumentException with a sentence naming the connector, the transform and the
   *     fix when a class is missing or a transform refuses its settings
   */
  public static TransformChain of(String connector, Map<String, String> config) {
    List<String> aliases = list(config.get("transforms"));
    if (aliases.isEmpty()) {
      return EMPTY;
    }
    Map<String, Predicate<SinkRecord>> named = new LinkedHashMap<>();
    List<Stage> stages = new ArrayList<>();
    try {
      for (String p : list(config.get("predicates"))) {
        named.put(p, instantiate(connector, "predicate", p, config, "predicates." + p + ".", Predicate.class));
      }
      for (String alias : aliases) {
        String pre = "transforms." + alias + ".";
        Transformation<SinkRecord> t = instantiate(connector, "transform", alias, config, pre, Transformation.class);
        String predicate = config.get(pre + "predicate");
        Predicate<SinkRecord> pr = null;
        if (predicate != null && !predicate.isBlank()) {
          pr = named.get(predicate.trim());
          if (pr == null) {
            t.close();
            throw new IllegalArgumentException("Connector '" + connector + "': transform '" + alias
                + "' names predicate '" + predicate + "', which is not listed in 'predicates'. Add it there or remove "
                + pre + "predicate.");
          }
        }
        stages.add(new Stage(alias, t, pr, Boolean.parseBoolean(config.getOrDefault(pre + "negate", "false"))));
      }
    } catch (RuntimeException e) {
      new TransformChain(stages, List.copyOf(named.values())).close();
      throw e;
    }
    return new TransformChain(List.copyOf(stages), List.copyOf(named.values()));
  }

  /** Why {@code config}'s transforms cannot run here, if they cannot; the chain is built and closed again. */
  public static Optional<String> problem(String connector, Map<String, String> config) {
    try (TransformChain ignored = of(connector, config)) {
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  public boolean isEmpty() {
    return stages.isEmpty();
  }

  /**
   * The record after every transform whose predicate matches, or null when one dropped it.
   *
   * @throws TransformException naming the transform when one fails on this record
   */
  public SinkRecord apply(SinkRecord record) {
    SinkRecord r = record;
    for (Stage s : stages) {
      if (s.predicate() != null && s.predicate().test(r) == s.negate()) {
        continue;
      }
      try {
        r = s.transform().apply(r);
      } catch (RuntimeException e) {
        throw new TransformException("transform '" + s.alias() + "' failed: " + e.getMessage(), e);
      }
      if (r == null) {
        return null;
      }
    }
    return r;
  }

  @Override
  public void close() {
    for (Stage s : stages) {
      s.transform().close();
    }
    for (Predicate<SinkRecord> p : predicates) {
      p.close();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> T instantiate(String connector, String what, String alias, Map<String, String> config,
      String prefix, Class<?> type) {
    String cls = config.get(prefix + "type");
    if (cls == null || cls.isBlank()) {
      throw new IllegalArgumentException("Connector '" + connector + "': " + what + " '" + alias + "' has no "
          + prefix + "type. Give it the class to run.");
    }
    Object instance;
    try {
      Class<?> c = Class.forName(cls.trim(), true, Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : TransformChain.class.getClassLoader());
      if (!type.isAssignableFrom(c)) {
        throw new IllegalArgumentException("Connector '" + connector + "': " + what + " '" + alias + "' names "
            + cls + ", which is not a Kafka Connect " + type.getSimpleName() + ".");
      }
      instance = c.getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw new IllegalArgumentException("Connector '" + connector + "': " + what + " '" + alias + "' needs " + cls
          + ", which the local trial does not include" + hint(cls) + ". Remove it to try the pipeline locally; "
          + "exports keep it for the Connect worker.", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Connector '" + connector + "': cannot create " + what + " '" + alias
          + "' (" + cls + "): " + e, e);
    }
    Map<String, Object> settings = new HashMap<>();
    config.forEach((k, v) -> {
      if (k.startsWith(prefix) && !k.equals(prefix + "type") && !k.equals(prefix + "predicate")
          && !k.equals(prefix + "negate")) {
        settings.put(k.substring(prefix.length()), v);
      }
    });
    try {
      if (instance instanceof Transformation t) {
        t.configure(settings);
      } else {
        ((Predicate) instance).configure(settings);
      }
    } catch (ConfigException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Connector '" + connector + "': " + what + " '" + alias + "' ("
          + cls + ") refuses its settings: " + e.getMessage(), e);
    }
    return (T) instance;
  }

  private static String hint(String cls) {
    // Debezium's scripting module (Filter, ContentBasedRouter) is not published for Debezium 3.6
    // where the trial can fetch it, and it needs a JSR-223 engine besides.
    return cls.startsWith("io.debezium.transforms.") && (cls.endsWith(".Filter") || cls.endsWith(".ContentBasedRouter"))
        ? " (Debezium's scripting module and a JSR-223 language such as Groovy)" : "";
  }

  private static List<String> list(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** A transform failed on one record; handled like a failed write (retry, dead letter or stop). */
  public static final class TransformException extends RuntimeException {
    TransformException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A record's place on the topic it was read from, whatever topic a transform gave it since. */
  static String origin(SinkRecord r) {
    return r.originalTopic() + "/" + r.originalKafkaPartition() + "/" + r.originalKafkaOffset();
  }
}

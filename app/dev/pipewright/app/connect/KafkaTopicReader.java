package dev.pipewright.app.connect;

import dev.pipewright.app.connect.TopicDiff.ClusterTopic;
import dev.pipewright.monitor.kafka.KafkaErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reads topics from a Kafka cluster with the Admin client (partitions, replication factor, and
 * configs with where each value comes from) for {@link TopicDiff}. {@link AutoCloseable}: closes
 * the client. Failures become an {@link IOException} with one sentence naming the cluster.
 */
public final class KafkaTopicReader implements AutoCloseable {
  static final int FIRST_ANSWER_MS = 10_000;
  private static final long WAIT_SECONDS = 60;
  private final Admin admin;
  private final String bootstrap;

  /** @param adminProps e.g. {@link KafkaTopicCreator#clientProperties} */
  public KafkaTopicReader(Properties adminProps) {
    this.admin = Admin.create(adminProps);
    this.bootstrap = String.valueOf(adminProps.get("bootstrap.servers"));
  }

  /**
   * Every (non-internal) topic name on the cluster. The first call to a cluster, so it waits at
   * most {@link #FIRST_ANSWER_MS}: a broker that does not answer that quickly is reported as
   * unreachable instead of after the client's full retry time.
   */
  public Set<String> names() throws IOException {
    return await(admin.listTopics(new ListTopicsOptions().timeoutMs(FIRST_ANSWER_MS)).names(), "listing the topics");
  }

  /** What the cluster holds for each of {@code names} that exists; missing topics are left out. */
  public Map<String, ClusterTopic> describe(Collection<String> names) throws IOException {
    Map<String, TopicDescription> found = new LinkedHashMap<>();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> e : admin.describeTopics(names).topicNameValues().entrySet()) {
      try {
        found.put(e.getKey(), await(e.getValue(), "describing topic " + e.getKey()));
      } catch (IOException ex) {
        if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw ex;
        }
      }
    }
    List<ConfigResource> resources = new ArrayList<>();
    found.keySet().forEach(n -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, n)));
    Map<ConfigResource, Config> configs = await(
        admin.describeConfigs(resources, new DescribeConfigsOptions().includeSynonyms(true)).all(),
        "reading topic configs");
    Map<String, ClusterTopic> out = new LinkedHashMap<>();
    found.forEach((name, d) -> {
      int rf = d.partitions().stream().mapToInt(p -> p.replicas().size()).max().orElse(0);
      Map<String, String> effective = new HashMap<>();
      Map<String, String> overrides = new HashMap<>();
      Map<String, String> inherited = new HashMap<>();
      for (ConfigEntry c : configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).entries()) {
        if (c.value() == null) {
          continue;
        }
        effective.put(c.name(), c.value());
        if (c.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
          overrides.put(c.name(), c.value());
          // The next synonym is what the broker would give the topic without its own setting.
          c.synonyms().stream().filter(s -> s.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
              && s.value() != null).findFirst().ifPresent(s -> inherited.put(c.name(), s.value()));
        }
      }
      out.put(name, new ClusterTopic(name, d.partitions().size(), rf, effective, overrides, inherited));
    });
    return out;
  }

  private <T> T await(KafkaFuture<T> f, String what) throws IOException {
    try {
      return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw new IOException("Kafka at " + bootstrap + " cannot be reached (it timed out while " + what + ").",
            e.getCause());
      }
      // a refused login, a certificate not trusted, a denied describe: the monitor's sentences
      throw new IOException(KafkaErrors.describe(e, bootstrap, what + " on"), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("Kafka at " + bootstrap + " cannot be reached (no answer within " + WAIT_SECONDS
          + " s while " + what + ").", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + what, e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}

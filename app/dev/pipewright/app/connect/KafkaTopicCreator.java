package dev.pipewright.app.connect;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.connect.KafkaClientSecurity;
import dev.pipewright.model.connect.TopicSpec;
import dev.pipewright.runtime.kafka.TopicLeaders;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates topics with Kafka's Admin client. {@link AutoCloseable}: closes the client. */
public final class KafkaTopicCreator implements TopicCreator, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicCreator.class);
  private final Admin admin;

  public KafkaTopicCreator(Properties adminProps) {
    this.admin = Admin.create(adminProps);
  }

  /**
   * Admin client settings for a cluster: bootstrap servers and, for a secured cluster, its
   * protocol, SASL login (the password reference resolved here, in memory only) and truststore.
   */
  public static Properties clientProperties(Cluster c, String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    try {
      props.putAll(KafkaClientSecurity.resolved(c));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage() + " before deploying.", e);
    }
    return props;
  }

  @Override
  public boolean createIfMissing(TopicSpec t) throws IOException {
    NewTopic topic = new NewTopic(t.name(), t.partitions(), (short) t.replicationFactor()).configs(Map.copyOf(t.configs()));
    boolean created;
    try {
      admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
      created = true;
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IOException("Topic " + t.name() + " could not be created: " + e.getCause().getMessage(), e.getCause());
      }
      // made a moment ago by someone else, or by an earlier deploy whose wait below failed
      created = false;
    } catch (TimeoutException e) {
      throw new IOException("Kafka did not answer within 60 s while creating topic " + t.name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    awaitLeaders(t.name());
    return created;
  }

  /**
   * The connectors deployed next send at once; on brokers before Kafka 4.5 a first request that
   * reaches a leader still applying the topic is lost (docs/decisions/0137). A precaution: a
   * deploy user allowed to create topics but not to describe them is not held up by it.
   */
  private void awaitLeaders(String name) throws IOException {
    try {
      TopicLeaders.await(admin, List.of(name), Duration.ofSeconds(60));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthorizationException) {
        LOG.info("Not waiting for the leaders of topic {}: {}", name, e.getCause().getMessage());
        return;
      }
      throw new IOException("Topic " + name + " exists but cannot be served yet: " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("Topic " + name + " exists but its leaders did not answer within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}

package dev.pipewright.monitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.monitor.MonitorConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {
  @TempDir Path dir;

  private Cluster cluster(String protocol, String mechanism, String passwordRef, String truststore) {
    return new Cluster("prod", "broker-1:9093,broker-2:9093",
        new KafkaSecurity(protocol, mechanism, new Credentials("svc-pipewright", passwordRef), truststore), null, null, null);
  }

  private String secretFile() throws Exception {
    Path f = dir.resolve("kafka.properties");
    Files.writeString(f, "password=s3cr3t-\"quoted\"\n");
    return "${file:" + f + ":password}";
  }

  @Test
  void scramOverTlsResolvesThePasswordIntoAHiddenJaasConfig() throws Exception {
    Properties p = KafkaClientConfig.adminProperties(
        cluster("SASL_SSL", "SCRAM-SHA-512", secretFile(), "/etc/kafka/truststore.pem"), null);
    assertThat(p).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.type", "PEM").containsEntry("ssl.truststore.location", "/etc/kafka/truststore.pem")
        .containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093");
    assertThat((String) p.get("sasl.jaas.config"))
        .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
        .contains("username=\"svc-pipewright\"", "password=\"s3cr3t-\\\"quoted\\\"\"");
    // what Kafka logs when it starts the client: the JAAS line is a PASSWORD config, printed hidden
    AdminClientConfig logged = new AdminClientConfig(p);
    assertThat(logged.values().get("sasl.jaas.config").toString()).isEqualTo("[hidden]");
  }

  @Test
  void plainMechanismUsesThePlainLoginModule() throws Exception {
    Properties p = KafkaClientConfig.adminProperties(cluster("SASL_PLAINTEXT", "PLAIN", secretFile(), null), null);
    assertThat((String) p.get("sasl.jaas.config")).startsWith("org.apache.kafka.common.security.plain.PlainLoginModule");
    assertThat(p).doesNotContainKey("ssl.truststore.location");
  }

  @Test
  void bootstrapOverrideWinsOverTheFile() {
    Properties p = KafkaClientConfig.adminProperties(Cluster.local("local"), "127.0.0.1:19092");
    assertThat(p).containsEntry("bootstrap.servers", "127.0.0.1:19092").doesNotContainKey("sasl.jaas.config");
  }

  @Test
  void embeddedClusterWithoutOverrideSaysHowToFixIt() {
    assertThatThrownBy(() -> KafkaClientConfig.adminProperties(Cluster.local("local"), null))
        .isInstanceOf(MonitorConfigException.class).hasMessageContaining("--bootstrap");
  }

  @Test
  void unresolvedReferenceNamesTheReferenceNotAValue() {
    assertThatThrownBy(() -> KafkaClientConfig.adminProperties(
        cluster("SASL_SSL", "SCRAM-SHA-256", "${env:PIPEWRIGHT_TEST_SURELY_UNSET_VAR}", null), null))
        .isInstanceOf(MonitorConfigException.class)
        .hasMessageContaining("${env:PIPEWRIGHT_TEST_SURELY_UNSET_VAR}").hasMessageContaining("security.password");
  }

  @Test
  void literalPasswordIsRefused() {
    assertThatThrownBy(() -> KafkaClientConfig.adminProperties(cluster("SASL_SSL", "PLAIN", "hunter2", null), null))
        .isInstanceOf(MonitorConfigException.class).hasMessageContaining("reference")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void unknownMechanismIsNamed() {
    assertThatThrownBy(() -> KafkaClientConfig.adminProperties(cluster("SASL_SSL", "GSSAPI", "${env:X}", null), null))
        .isInstanceOf(MonitorConfigException.class).hasMessageContaining("GSSAPI");
  }
}

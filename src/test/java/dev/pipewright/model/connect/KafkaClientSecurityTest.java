package dev.pipewright.model.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.KafkaSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaClientSecurityTest {
  @TempDir Path dir;

  private Cluster cluster(String protocol, String mechanism, String user, String passwordRef, String truststore) {
    return new Cluster("prod", "b:9093",
        new KafkaSecurity(protocol, mechanism, new Credentials(user, passwordRef), truststore), null, null, null);
  }

  private String secretFile(String value) throws Exception {
    Path f = dir.resolve("kafka.properties");
    Files.writeString(f, "password=" + value + "\n");
    return "${file:" + f + ":password}";
  }

  @Test
  void plaintextNeedsNoSettings() {
    assertThat(KafkaClientSecurity.resolved(Cluster.local("local"))).isEmpty();
    assertThat(KafkaClientSecurity.withReference(KafkaSecurity.PLAINTEXT)).isEmpty();
  }

  @Test
  void runningClientGetsTheResolvedPasswordWhileFilesKeepTheReference() throws Exception {
    String ref = secretFile("s3cr3t");
    Cluster c = cluster("SASL_SSL", "SCRAM-SHA-512", "svc", ref, "/etc/kafka/ca.pem");
    Map<String, String> live = KafkaClientSecurity.resolved(c);
    assertThat(live).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.location", "/etc/kafka/ca.pem").containsEntry("ssl.truststore.type", "PEM");
    assertThat(live.get("sasl.jaas.config")).isEqualTo(
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"s3cr3t\";");
    assertThat(KafkaClientSecurity.withReference(c.security()).get("sasl.jaas.config"))
        .contains("password=\"" + ref + "\"").doesNotContain("s3cr3t");
  }

  @Test
  void quotesInThePasswordCannotBreakOutOfTheJaasLine() throws Exception {
    Cluster c = cluster("SASL_PLAINTEXT", "PLAIN", "svc", secretFile("a\\\"b"), null);
    assertThat(KafkaClientSecurity.resolved(c).get("sasl.jaas.config"))
        .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule")
        .endsWith("password=\"a\\\"b\";");
  }

  @Test
  void saslWithoutMechanismIsPlainAsTheFormatDocumentSays() throws Exception {
    Cluster c = cluster("sasl_plaintext", null, "svc", secretFile("x"), "/ignored/without/tls.pem");
    assertThat(KafkaClientSecurity.resolved(c)).containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN").doesNotContainKey("ssl.truststore.location");
  }

  @ParameterizedTest
  @CsvSource({"/a/ca.pem,PEM", "/a/ca.crt,PEM", "/a/trust.p12,PKCS12", "/a/trust.PFX,PKCS12", "/a/trust.jks,JKS"})
  void truststoreTypeFollowsTheFileName(String path, String type) {
    assertThat(KafkaClientSecurity.truststoreType(path)).isEqualTo(type);
  }

  @Test
  void mistakesAreSentencesThatNeverHoldTheSecret() {
    assertThatThrownBy(() -> KafkaClientSecurity.resolved(cluster("SASL_SSL", "PLAIN", "svc", "hunter2", null)))
        .hasMessageContaining("cluster 'prod' security.password").hasMessageContaining("not a literal")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> KafkaClientSecurity.resolved(cluster("SASL_SSL", "GSSAPI", "svc", "${env:X}", null)))
        .hasMessageContaining("GSSAPI").hasMessageContaining("SCRAM-SHA-512");
    assertThatThrownBy(() -> KafkaClientSecurity.resolved(cluster("SASL_SSL", "PLAIN", " ", "${env:X}", null)))
        .hasMessageContaining("security.username is not set");
    assertThatThrownBy(() -> KafkaClientSecurity.resolved(
        cluster("SASL_SSL", "PLAIN", "svc", "${env:PIPEWRIGHT_SURELY_UNSET_VARIABLE}", null)))
        .hasMessageContaining("${env:PIPEWRIGHT_SURELY_UNSET_VARIABLE} did not resolve");
  }
}

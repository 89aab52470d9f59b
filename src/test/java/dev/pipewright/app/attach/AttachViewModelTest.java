package dev.pipewright.app.attach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.attach.AttachViewModel.Field;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.KafkaSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attach dialog's checking, without the FX toolkit. */
class AttachViewModelTest {
  @TempDir Path dir;
  private final AttachViewModel vm = new AttachViewModel();

  private String fileReference(String key, String value) throws Exception {
    Path secrets = Files.writeString(dir.resolve("secrets.properties"), key + "=" + value + "\n");
    return "${file:" + secrets + ":" + key + "}";
  }

  @Test
  void defaultsAttachToAPlaintextClusterWithoutConnectLogin() {
    Cluster c = vm.cluster().orElseThrow();
    assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(c.connectUrl()).isEqualTo("http://localhost:8083");
    assertThat(c.security()).isEqualTo(KafkaSecurity.PLAINTEXT);
    assertThat(c.connectAuth()).isNull();
  }

  @Test
  void literalPasswordIsRefusedInPlaceWithTheReason() {
    vm.protocolProperty().set("SASL_SSL");
    vm.text(Field.USERNAME).set("svc");
    vm.text(Field.PASSWORD).set("hunter2");
    assertThat(vm.cluster()).isEmpty();
    assertThat(vm.error(Field.PASSWORD).get())
        .isEqualTo("Use a reference such as ${env:KAFKA_PASSWORD}; secrets are never stored in plain text.")
        .doesNotContain("hunter2");
    assertThat(vm.error(Field.USERNAME).get()).isEmpty();
  }

  @Test
  void saslClusterKeepsThePasswordReferenceNotItsValue() throws Exception {
    String ref = fileReference("kafka", "the-real-value");
    vm.protocolProperty().set("SASL_PLAINTEXT");
    vm.mechanismProperty().set("SCRAM-SHA-256");
    vm.text(Field.USERNAME).set(" svc-pipewright ");
    vm.text(Field.PASSWORD).set(ref);
    KafkaSecurity s = vm.cluster().orElseThrow().security();
    assertThat(s).isEqualTo(new KafkaSecurity("SASL_PLAINTEXT", "SCRAM-SHA-256", new Credentials("svc-pipewright", ref), null));
  }

  @Test
  void saslWithoutUserOrPasswordSaysWhatIsMissing() {
    vm.protocolProperty().set("SASL_SSL");
    assertThat(vm.cluster()).isEmpty();
    assertThat(vm.error(Field.USERNAME).get()).contains("SASL needs a user");
    assertThat(vm.error(Field.PASSWORD).get()).contains("${env:KAFKA_PASSWORD}");
  }

  @Test
  void referenceThatDoesNotResolveIsRefusedBeforeConnecting() {
    vm.protocolProperty().set("SASL_SSL");
    vm.text(Field.USERNAME).set("svc");
    vm.text(Field.PASSWORD).set("${env:PW_ATTACH_TEST_SURELY_UNSET}");
    assertThat(vm.cluster()).isEmpty();
    assertThat(vm.error(Field.PASSWORD).get()).contains("${env:PW_ATTACH_TEST_SURELY_UNSET}", "does not resolve");
  }

  @Test
  void saslFieldsAreIgnoredWhenTheProtocolHasNoSasl() {
    vm.text(Field.USERNAME).set("svc");
    vm.text(Field.PASSWORD).set("literal-but-unused");
    vm.protocolProperty().set("PLAINTEXT");
    assertThat(vm.saslProperty().get()).isFalse();
    assertThat(vm.cluster().orElseThrow().security()).isEqualTo(KafkaSecurity.PLAINTEXT);
  }

  @Test
  void truststoreMustBeAReadableFileAndIsKeptForTls() throws Exception {
    vm.protocolProperty().set("SSL");
    assertThat(vm.tlsProperty().get()).isTrue();
    vm.text(Field.TRUSTSTORE).set(dir.resolve("missing.pem").toString());
    assertThat(vm.cluster()).isEmpty();
    assertThat(vm.error(Field.TRUSTSTORE).get()).contains("No readable file at", "missing.pem");
    Path pem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    vm.text(Field.TRUSTSTORE).set(pem.toString());
    assertThat(vm.error(Field.TRUSTSTORE).get()).as("editing clears the refusal").isEmpty();
    assertThat(vm.cluster().orElseThrow().security()).isEqualTo(new KafkaSecurity("SSL", null, null, pem.toString()));
  }

  @Test
  void httpsConnectWithPlaintextKafkaStillKeepsTheTruststore() throws Exception {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "x");
    vm.connectUrlProperty().set("https://connect.example.com:8443");
    vm.text(Field.TRUSTSTORE).set(pem.toString());
    assertThat(vm.tlsProperty().get()).isTrue();
    assertThat(vm.cluster().orElseThrow().security().truststore()).isEqualTo(pem.toString());
  }

  @Test
  void connectLoginNeedsBothUserAndAReference() throws Exception {
    vm.text(Field.CONNECT_PASSWORD).set("${env:PATH}");
    assertThat(vm.cluster()).isEmpty();
    assertThat(vm.error(Field.CONNECT_USERNAME).get()).contains("Enter the Connect user");

    vm.text(Field.CONNECT_USERNAME).set("admin");
    vm.text(Field.CONNECT_PASSWORD).set("plain-secret");
    assertThat(vm.cluster()).isEmpty();
    assertThat(vm.error(Field.CONNECT_PASSWORD).get())
        .isEqualTo("Use a reference such as ${env:CONNECT_PASSWORD}; secrets are never stored in plain text.");

    String ref = fileReference("connect", "v");
    vm.text(Field.CONNECT_PASSWORD).set(ref);
    assertThat(vm.cluster().orElseThrow().connectAuth()).isEqualTo(new Credentials("admin", ref));
  }

  @Test
  void malformedAddressesAreRefusedWithAnExample() {
    vm.connectUrlProperty().set("connect:8083");
    vm.bootstrapProperty().set("kafka-1, kafka-2:9092");
    assertThat(vm.cluster()).isEmpty();
    assertThat(vm.error(Field.CONNECT_URL).get()).contains("http:// or https://");
    assertThat(vm.error(Field.BOOTSTRAP).get()).contains("host:port");
    vm.connectUrlProperty().set("https://connect:8083/");
    vm.bootstrapProperty().set("kafka-1:9093, kafka-2:9093");
    assertThat(vm.cluster()).isPresent();
  }

  @Test
  void referenceHelperBuildsTheReferenceOrSaysWhatIsMissing() {
    assertThat(vm.useReference(Field.PASSWORD, "env", "KAFKA_PW", null)).isTrue();
    assertThat(vm.text(Field.PASSWORD).get()).isEqualTo("${env:KAFKA_PW}");
    assertThat(vm.useReference(Field.CONNECT_PASSWORD, "file", "/etc/secrets.properties", " ")).isFalse();
    assertThat(vm.error(Field.CONNECT_PASSWORD).get()).contains("needs the path of a properties file and a key");
    assertThat(vm.text(Field.CONNECT_PASSWORD).get()).isEmpty();
  }
}

package dev.pipewright.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Saving replaces the file atomically, never half-writes it, and never writes a secret in plain text. */
class PipelineFileSaveTest {

  @TempDir
  Path dir;

  private Path file;
  private byte[] previous;

  @BeforeEach
  void anExistingPipelineFile() throws IOException {
    file = dir.resolve("shop.yaml");
    previous = PipelineFileRoundTripTest.resource("canonical.yaml");
    Files.write(file, previous);
  }

  private static Pipeline withDb(String password) {
    return Pipeline.empty("shop").withNode(new Node("shop-db", NodeKind.POSTGRES, null,
        Map.of("database", "shop", "user", "app", "password", password)));
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void savingReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
    Pipeline p = withDb("${env:PG_PASSWORD}");

    PipelineFile.save(p, file);

    assertThat(PipelineFile.load(file)).isEqualTo(p);
    assertThat(filesInDir()).containsExactly("shop.yaml");
  }

  @Test
  void aPlainTextSecretIsRefusedAndTheFileIsUntouched() throws Exception {
    assertThatThrownBy(() -> PipelineFile.save(withDb("hunter2"), file))
        .isInstanceOf(PlainTextSecretException.class)
        .hasMessageContaining("node 'shop-db' properties.password holds a plain-text secret")
        .hasMessageContaining("${env:SHOP_DB_PASSWORD}")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));

    assertThat(Files.readAllBytes(file)).isEqualTo(previous);
    assertThat(filesInDir()).containsExactly("shop.yaml");
  }

  @Test
  void literalClusterPasswordsAreRefusedToo() {
    Pipeline p = Pipeline.empty("shop").withClusters(List.of(new Cluster("prod", "k:9093",
        new KafkaSecurity("SASL_SSL", "PLAIN", new Credentials("svc", "s3cret"), null),
        "http://connect:8083", new Credentials("admin", "${env:CONNECT_PASSWORD}"), null)));

    assertThatThrownBy(() -> PipelineFile.save(p, file))
        .isInstanceOfSatisfying(PlainTextSecretException.class, e -> assertThat(e.offenders()).containsExactly(
            new PlainTextSecretException.Offender("cluster 'prod'", "security.password",
                "${env:PROD_KAFKA_PASSWORD}")));
    assertThat(file).hasBinaryContent(previous);
  }

  @Test
  void everySecretPropertyIsCheckedAndReferencesOrBlanksPass() throws Exception {
    Pipeline p = Pipeline.empty("shop")
        .withNode(new Node("mongo", NodeKind.MONGODB, null, Map.of("connection.string", "mongodb://u:pw@h/db")))
        .withNode(new Node("cache", NodeKind.REDIS, null, Map.of("redis.password", "${file:/run/redis.properties:pw}")))
        .withNode(new Node("search", NodeKind.ELASTICSEARCH, null, Map.of("connection.password", "")))
        .withNode(new Node("lake", NodeKind.LAKE, null, Map.of("aws.secret.access.key", "AKIA-literal")));

    assertThatThrownBy(() -> PipelineFile.checkNoPlainTextSecrets(p))
        .isInstanceOfSatisfying(PlainTextSecretException.class, e -> assertThat(e.offenders())
            .extracting(PlainTextSecretException.Offender::owner, PlainTextSecretException.Offender::field)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("node 'mongo'", "properties.connection.string"),
                org.assertj.core.groups.Tuple.tuple("node 'lake'", "properties.aws.secret.access.key")));
    PipelineFile.checkNoPlainTextSecrets(p.withoutNode("mongo").withoutNode("lake"));
  }

  @Test
  void aFailureAfterTheTemporaryFileIsWrittenLeavesThePreviousFileByteIdentical() throws Exception {
    byte[] replacement = PipelineFile.toYaml(withDb("${env:X}")).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> PipelineFile.write(replacement, file, () -> {
      // The temporary file is complete at this point; fail as a full disk or a killed move would.
      assertThat(filesInDir()).hasSize(2);
      throw new IOException("No space left on device");
    })).hasMessage("No space left on device");

    assertThat(file).hasBinaryContent(previous);
    assertThat(filesInDir()).containsExactly("shop.yaml");
  }

  @Test
  void savingOverADirectoryFailsWithoutLeavingATemporaryFile() throws Exception {
    Path occupied = dir.resolve("occupied.yaml");
    Files.createDirectory(occupied);
    Files.writeString(occupied.resolve("keep.txt"), "keep");

    assertThatThrownBy(() -> PipelineFile.save(withDb("${env:X}"), occupied)).isInstanceOf(IOException.class);

    assertThat(occupied.resolve("keep.txt")).hasContent("keep");
    assertThat(filesInDir()).containsExactly("occupied.yaml", "shop.yaml");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aReadOnlyDirectoryRefusesTheSaveAndKeepsThePreviousFile() throws Exception {
    assumeThat(System.getProperty("user.name")).as("root ignores directory permissions").isNotEqualTo("root");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> PipelineFile.save(withDb("${env:X}"), file)).isInstanceOf(IOException.class);
      assertThat(file).hasBinaryContent(previous);
      assertThat(filesInDir()).containsExactly("shop.yaml");
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void theExistingFilesPermissionsAreKept() throws Exception {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    PipelineFile.save(withDb("${env:X}"), file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void savingThroughASymlinkReplacesTheTargetAndKeepsTheLink() throws Exception {
    Path link = dir.resolve("link.yaml");
    Files.createSymbolicLink(link, file.getFileName());

    PipelineFile.save(withDb("${env:X}"), link);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(PipelineFile.load(file)).isEqualTo(withDb("${env:X}"));
  }

  @Test
  void aNewFileIsCreated() throws Exception {
    Path fresh = dir.resolve("new.yaml");

    PipelineFile.save(withDb("${file:/etc/secrets.properties:pg}"), fresh);

    assertThat(fresh).hasContent(PipelineFile.toYaml(withDb("${file:/etc/secrets.properties:pg}")));
  }
}

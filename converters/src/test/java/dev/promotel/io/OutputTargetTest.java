package dev.promotel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutputTargetTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Compression.class)
  void everyOutputCompressionReadsBackBySniffing(Compression compression) throws Exception {
    byte[] text = Encoders.metricText(30_000);
    Path file = dir.resolve("out.prom");

    try (OutputTarget out =
        OutputTarget.open(file.toString(), compression, OutputStream.nullOutputStream())) {
      out.stream().write(text, 0, 1000);
      out.stream().write(text, 1000, text.length - 1000);
      out.commit();
    }

    try (OpenedInput in = InputSource.file(file).open()) {
      assertThat(in.compression()).isEqualTo(compression);
      assertThat(in.stream().readAllBytes()).isEqualTo(text);
    }
    assertThat(filesIn(dir)).containsExactly("out.prom");
  }

  @Test
  void theOutputFilesExtensionChoosesItsCompression() throws Exception {
    String name = dir.resolve("out.prom.zst").toString();

    try (OutputTarget out = OutputTarget.open(name, Compression.forOutput(null, name), null)) {
      out.stream().write("up 1\n".getBytes(StandardCharsets.UTF_8));
      out.commit();
    }

    try (OpenedInput in = InputSource.file(Path.of(name)).open()) {
      assertThat(in.compression()).isEqualTo(Compression.ZSTD);
    }
  }

  @Test
  void anUncommittedOutputLeavesTheOldFileIntactAndNoTempFile() throws Exception {
    Path file = Files.writeString(dir.resolve("out.prom"), "old 1\n");

    try (OutputTarget out = OutputTarget.open(file.toString(), Compression.GZIP, null)) {
      out.stream().write(Encoders.metricText(10_000));
      assertThat(filesIn(dir)).hasSize(2);
      // The conversion fails here: no commit.
    }

    assertThat(Files.readString(file)).isEqualTo("old 1\n");
    assertThat(filesIn(dir)).containsExactly("out.prom");
  }

  @Test
  void anUncommittedNewOutputLeavesNoFileAtAll() throws Exception {
    try (OutputTarget out =
        OutputTarget.open(dir.resolve("new.prom").toString(), Compression.NONE, null)) {
      out.stream().write('x');
    }

    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void aCommittedOutputReplacesTheOldFileAndKeepsItsPermissions() throws Exception {
    Path file = Files.writeString(dir.resolve("out.prom"), "old 1\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    try (OutputTarget out = OutputTarget.open(file.toString(), Compression.NONE, null)) {
      out.stream().write("new 2\n".getBytes(StandardCharsets.UTF_8));
      assertThat(Files.readString(file)).isEqualTo("old 1\n");
      out.commit();
      assertThat(out.isCommitted()).isTrue();
    }

    assertThat(Files.readString(file)).isEqualTo("new 2\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    assertThat(filesIn(dir)).containsExactly("out.prom");
  }

  @Test
  void writersMayCloseTheStreamBeforeTheCommit() throws Exception {
    Path file = dir.resolve("out.prom.gz");

    try (OutputTarget out = OutputTarget.open(file.toString(), Compression.GZIP, null)) {
      try (OutputStream stream = out.stream()) {
        stream.write("up 1\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThatThrownBy(() -> out.stream().write('x'))
          .isInstanceOf(IOException.class)
          .hasMessage(file + ": output already finished");
      out.commit();
    }

    try (OpenedInput in = InputSource.file(file).open()) {
      assertThat(in.stream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("up 1\n");
    }
  }

  @Test
  void aSymbolicLinkAsTargetSurvivesAndItsFileIsReplaced() throws Exception {
    Path real = Files.writeString(dir.resolve("real.prom"), "old 1\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.prom"), real.getFileName());

    try (OutputTarget out = OutputTarget.open(link.toString(), Compression.NONE, null)) {
      out.stream().write("new 2\n".getBytes(StandardCharsets.UTF_8));
      out.commit();
    }

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new 2\n");
  }

  @Test
  void aDirectoryAsOutputIsAnIOError() {
    assertThatThrownBy(() -> OutputTarget.open(dir.toString(), Compression.NONE, null))
        .isInstanceOfSatisfying(
            PromotelIOException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
        .hasMessage(dir + ": is a directory");
  }

  @Test
  void anOutputInAMissingDirectoryIsAnIOError() {
    String name = dir.resolve("nowhere/out.prom").toString();

    assertThatThrownBy(() -> OutputTarget.open(name, Compression.NONE, null))
        .isInstanceOfSatisfying(
            PromotelIOException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
        .hasMessage(name + ": directory " + dir.resolve("nowhere") + " does not exist");
  }

  @Test
  void standardOutputIsWrittenCompressedAndStaysOpen() throws Exception {
    CloseTrackingOutputStream stdout = new CloseTrackingOutputStream();

    try (OutputTarget out = OutputTarget.open("-", Compression.GZIP, stdout)) {
      assertThat(out.name()).isEqualTo("<stdout>");
      out.stream().write("up 1\n".getBytes(StandardCharsets.UTF_8));
      out.commit();
    }
    stdout.write('\n');

    assertThat(stdout.closed).isFalse();
    byte[] written = stdout.toByteArray();
    try (OpenedInput in =
        InputSource.stream("back", new java.io.ByteArrayInputStream(written, 0, written.length - 1))
            .open()) {
      assertThat(in.compression()).isEqualTo(Compression.GZIP);
      assertThat(in.stream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("up 1\n");
    }
  }

  @Test
  void noOutputArgumentMeansStandardOutput() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    try (OutputTarget out = OutputTarget.open(null, Compression.NONE, stdout)) {
      out.stream().write("up 1\n".getBytes(StandardCharsets.UTF_8));
      out.commit();
    }

    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("up 1\n");
  }

  @Test
  void writeErrorsOnStandardOutputNameIt() {
    OutputStream brokenPipe =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };

    assertThatThrownBy(
            () -> {
              try (OutputTarget out = OutputTarget.open("-", Compression.NONE, brokenPipe)) {
                out.stream().write(new byte[100_000]);
                out.commit();
              }
            })
        .isInstanceOfSatisfying(
            PromotelIOException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
        .hasMessage("<stdout>: Broken pipe");
  }

  @Test
  void aNamedPipeAsOutputIsWrittenInPlaceNotReplaced() throws Exception {
    Path fifo = dir.resolve("pipe");
    assumeTrue(mkfifo(fifo), "mkfifo is available");
    CompletableFuture<byte[]> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readAllBytes(fifo);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });

    try (OutputTarget out = OutputTarget.open(fifo.toString(), Compression.NONE, null)) {
      out.stream().write("up 1\n".getBytes(StandardCharsets.UTF_8));
      out.commit();
    }

    assertThat(reader.get(30, TimeUnit.SECONDS))
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("up 1\n");
    assertThat(Files.exists(fifo)).isTrue();
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(filesIn(dir)).containsExactly("pipe");
  }

  @Test
  void onlyRegularFilesAreReplacedAtomically() throws Exception {
    Path fifo = dir.resolve("pipe");
    assumeTrue(mkfifo(fifo), "mkfifo is available");

    assertThatThrownBy(() -> AtomicOutput.create(fifo, Compression.NONE))
        .isInstanceOf(PromotelIOException.class)
        .hasMessage(fifo + ": not a regular file, so it cannot be replaced atomically");
    assertThat(filesIn(dir)).containsExactly("pipe");
  }

  static boolean mkfifo(Path path) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static java.util.List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static final class CloseTrackingOutputStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}

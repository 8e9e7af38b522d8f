package dev.promotel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InputSourceTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Compression.class)
  void eachCompressionIsReadBackDecompressedWhateverTheFileIsCalled(Compression compression)
      throws Exception {
    byte[] text = Encoders.metricText(20_000);
    Path file = Files.write(dir.resolve("dump.prom"), Encoders.compress(compression, text));

    try (OpenedInput in = InputSource.file(file).open()) {
      assertThat(in.compression()).isEqualTo(compression);
      assertThat(in.name()).isEqualTo(file.toString());
      assertThat(in.head()).isEqualTo(Arrays.copyOf(text, OpenedInput.HEAD_BYTES));
      assertThat(in.stream().readAllBytes()).isEqualTo(text);
      assertThat(in.sourceBytesRead()).isEqualTo(Files.size(file));
    }
  }

  @Test
  void anEmptyFileIsUncompressedAndReadsAsEmpty() throws Exception {
    Path file = Files.createFile(dir.resolve("empty.prom"));

    try (OpenedInput in = InputSource.file(file).open()) {
      assertThat(in.compression()).isEqualTo(Compression.NONE);
      assertThat(in.isEmpty()).isTrue();
      assertThat(in.head()).isEmpty();
      assertThat(in.stream().read()).isEqualTo(-1);
    }
  }

  @Test
  void aOneByteFileIsReadAsIs() throws Exception {
    Path file = Files.write(dir.resolve("one"), new byte[] {0x1F});

    try (OpenedInput in = InputSource.file(file).open()) {
      assertThat(in.compression()).isEqualTo(Compression.NONE);
      assertThat(in.stream().readAllBytes()).containsExactly(0x1F);
    }
  }

  @Test
  void theHeadIsShorterForShortInputsAndTheStreamStillStartsAtTheBeginning() throws Exception {
    byte[] text = "# TYPE up gauge\nup 1\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("up.prom.gz"), Encoders.compress(Compression.GZIP, text));

    try (OpenedInput in = InputSource.file(file).open()) {
      assertThat(in.head()).isEqualTo(text);
      assertThat(in.stream().readAllBytes()).isEqualTo(text);
    }
  }

  @Test
  void concatenatedGzipMembersReadAsOneStream() throws Exception {
    byte[] first = "a 1\n".getBytes(StandardCharsets.UTF_8);
    byte[] second = "b 2\n".getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("ab.gz");
    Files.write(
        file,
        concat(
            Encoders.compress(Compression.GZIP, first),
            Encoders.compress(Compression.GZIP, second)));

    try (OpenedInput in = InputSource.file(file).open()) {
      assertThat(new String(in.stream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("a 1\nb 2\n");
    }
  }

  @Test
  void concatenatedGzipMembersAreAllReadFromAPipeThatReportsNothingAvailable() throws Exception {
    // JDK 17's GZIPInputStream stops after the first member when available() says 0.
    byte[] members =
        concat(
            Encoders.compress(Compression.GZIP, Encoders.metricText(3_000)),
            Encoders.compress(Compression.GZIP, Encoders.metricText(5)));
    InputStream pipe = new TrickleInputStream(members, 1000);

    try (OpenedInput in = InputSource.stdin(pipe).open()) {
      assertThat(in.stream().readAllBytes())
          .isEqualTo(concat(Encoders.metricText(3_000), Encoders.metricText(5)));
    }
  }

  @Test
  void concatenatedZstdFramesXzStreamsAndBzip2StreamsReadAsOneStream() throws Exception {
    byte[] a = Encoders.metricText(100);
    byte[] b = Encoders.metricText(7);
    for (Compression c : List.of(Compression.ZSTD, Compression.XZ, Compression.BZIP2)) {
      InputStream joined =
          new ByteArrayInputStream(concat(Encoders.compress(c, a), Encoders.compress(c, b)));
      try (OpenedInput in = InputSource.stream("joined", joined).open()) {
        assertThat(in.stream().readAllBytes()).as(c.id()).isEqualTo(concat(a, b));
      }
    }
  }

  @Test
  void aMissingFileIsAnIOErrorNamedAfterThePathAsGiven() {
    assertThatThrownBy(
            () -> InputSource.fromArguments(List.of("nosuch.prom"), InputStream.nullInputStream()))
        .isInstanceOfSatisfying(
            PromotelIOException.class,
            e -> assertThat(e.exitCode()).isEqualTo(PromotelIOException.EXIT_IO))
        .hasMessage("nosuch.prom: no such file");
  }

  @Test
  void aFileThatVanishesBeforeItIsOpenedFailsTheSameWay() {
    InputSource source = InputSource.file(dir.resolve("gone.prom"));

    assertThatThrownBy(source::open)
        .isInstanceOfSatisfying(
            PromotelIOException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
        .hasMessage(dir.resolve("gone.prom") + ": no such file");
  }

  @Test
  void openingADirectoryAsAFileIsAnIOError() {
    assertThatThrownBy(() -> InputSource.file(dir).open())
        .isInstanceOfSatisfying(
            PromotelIOException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
        .hasMessage(dir + ": is a directory");
  }

  @Test
  void onlyARegularFileOffersItsPathForReopening() throws Exception {
    Path file = Files.writeString(dir.resolve("up.prom"), "up 1\n");
    Path fifo = dir.resolve("pipe");
    assumeTrue(OutputTargetTest.mkfifo(fifo), "mkfifo is available");

    assertThat(InputSource.file(file).path()).contains(file);
    assertThat(InputSource.file(fifo).path()).isEmpty();
    assertThat(InputSource.stdin(InputStream.nullInputStream()).path()).isEmpty();
  }

  @Test
  void aNamedPipeIsReadLikeAFile() throws Exception {
    // Process substitution (promotel convert <(curl ...)) and mkfifo hand over a pipe by name; the
    // JDK's channel stream cannot tell how much a pipe has available (it tries to seek).
    Path fifo = dir.resolve("pipe");
    assumeTrue(OutputTargetTest.mkfifo(fifo), "mkfifo is available");
    byte[] text = Encoders.metricText(20_000);
    Thread writer =
        new Thread(
            () -> {
              try {
                Files.write(fifo, text);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();

    try (OpenedInput in = InputSource.file(fifo).open()) {
      assertThat(in.stream().readAllBytes()).isEqualTo(text);
    } finally {
      writer.join(10_000);
    }
  }

  @Test
  void noArgumentsMeansStandardInput() throws Exception {
    InputStream stdin = new ByteArrayInputStream("up 1\n".getBytes(StandardCharsets.UTF_8));

    List<InputSource> sources = InputSource.fromArguments(List.of(), stdin);

    assertThat(sources).extracting(InputSource::name).containsExactly("<stdin>");
    assertThat(sources.get(0).path()).isEmpty();
    try (OpenedInput in = sources.get(0).open()) {
      assertThat(in.stream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("up 1\n");
    }
  }

  @Test
  void aDashAmongFilesIsStandardInputInItsPlace() throws Exception {
    Files.writeString(dir.resolve("a.prom"), "a 1\n");
    String a = dir.resolve("a.prom").toString();

    List<InputSource> sources =
        InputSource.fromArguments(List.of(a, "-"), InputStream.nullInputStream());

    assertThat(sources).extracting(InputSource::name).containsExactly(a, "<stdin>");
  }

  @Test
  void standardInputNamedTwiceIsAUsageError() {
    assertThatThrownBy(
            () -> InputSource.fromArguments(List.of("-", "-"), InputStream.nullInputStream()))
        .isInstanceOfSatisfying(
            PromotelIOException.class,
            e -> assertThat(e.exitCode()).isEqualTo(PromotelIOException.EXIT_USAGE))
        .hasMessage("standard input ('-') can be read only once");
  }

  @Test
  void compressedStandardInputIsDecompressedAndNotClosed() throws Exception {
    byte[] text = Encoders.metricText(50);
    CloseTrackingInputStream stdin =
        new CloseTrackingInputStream(Encoders.compress(Compression.ZSTD, text));

    try (OpenedInput in = InputSource.of("-", stdin).open()) {
      assertThat(in.name()).isEqualTo("<stdin>");
      assertThat(in.compression()).isEqualTo(Compression.ZSTD);
      assertThat(in.stream().readAllBytes()).isEqualTo(text);
    }
    assertThat(stdin.closed).isFalse();
  }

  @Test
  void aStreamCanBeOpenedOnlyOnceButAFileAgainAndAgain() throws Exception {
    InputSource stream = InputSource.stdin(InputStream.nullInputStream());
    stream.open().close();
    assertThatThrownBy(stream::open).isInstanceOf(IllegalStateException.class);

    InputSource file = InputSource.file(Files.writeString(dir.resolve("up.prom"), "up 1\n"));
    for (int i = 0; i < 2; i++) {
      try (OpenedInput in = file.open()) {
        assertThat(in.stream().readAllBytes()).hasSize(5);
      }
    }
  }

  @Test
  void directoriesExpandRecursivelyToTheirRegularFilesInSortedOrder() throws Exception {
    Path root = Files.createDirectories(dir.resolve("metrics"));
    for (String name :
        List.of(
            "z.prom",
            "b/2.prom",
            "b/1.prom.gz",
            "a/x.prom",
            "b-c.prom",
            "a/deep/er/y.om",
            ".git/config",
            "b/.hidden.prom")) {
      Path file = root.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, name);
    }
    Files.createDirectories(root.resolve("empty"));
    Files.writeString(dir.resolve("single.prom"), "x 1\n");

    List<InputSource> sources =
        InputSource.fromArguments(
            List.of(dir.resolve("single.prom").toString(), root.toString()),
            InputStream.nullInputStream());

    assertThat(sources)
        .extracting(InputSource::name)
        .containsExactly(
            dir.resolve("single.prom").toString(),
            root.resolve("a/deep/er/y.om").toString(),
            root.resolve("a/x.prom").toString(),
            root.resolve("b/1.prom.gz").toString(),
            root.resolve("b/2.prom").toString(),
            root.resolve("b-c.prom").toString(),
            root.resolve("z.prom").toString());
  }

  @Test
  void aDirectoryWithoutFilesContributesNothing() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty/sub"));

    assertThat(
            InputSource.fromArguments(
                List.of(empty.getParent().toString()), InputStream.nullInputStream()))
        .isEmpty();
  }

  @Test
  void severalInputsReadInSequenceEachWithItsOwnCompression() throws Exception {
    Path a =
        Files.write(
            dir.resolve("a"),
            Encoders.compress(Compression.GZIP, "a 1\n".getBytes(StandardCharsets.UTF_8)));
    Path b = Files.writeString(dir.resolve("b"), "b 2\n");
    Path c =
        Files.write(
            dir.resolve("c"),
            Encoders.compress(Compression.ZSTD, "c 3\n".getBytes(StandardCharsets.UTF_8)));
    InputSource joined =
        InputSource.concat(
            "abc", List.of(InputSource.file(a), InputSource.file(b), InputSource.file(c)));

    try (OpenedInput in = joined.open()) {
      assertThat(in.name()).isEqualTo("abc");
      assertThat(in.compression()).isEqualTo(Compression.GZIP);
      assertThat(in.head()).asString(StandardCharsets.UTF_8).isEqualTo("a 1\nb 2\nc 3\n");
      assertThat(in.stream().readAllBytes())
          .asString(StandardCharsets.UTF_8)
          .isEqualTo("a 1\nb 2\nc 3\n");
      assertThat(in.sourceBytesRead()).isEqualTo(Files.size(a) + Files.size(b) + Files.size(c));
    }
  }

  @Test
  void aMissingPartOfASequenceIsReportedUnderItsOwnName() throws Exception {
    Path big = Files.write(dir.resolve("big.prom"), Encoders.metricText(20_000));
    Path gone = dir.resolve("gone.prom");
    InputSource joined =
        InputSource.concat("both", List.of(InputSource.file(big), InputSource.file(gone)));

    try (OpenedInput in = joined.open()) {
      assertThatThrownBy(() -> in.stream().readAllBytes())
          .isInstanceOf(PromotelIOException.class)
          .hasMessage(gone + ": no such file");
    }
  }

  @Test
  void corruptCompressedDataIsInvalidInputNamedAfterTheFile() throws Exception {
    byte[] gzip = Encoders.compress(Compression.GZIP, Encoders.metricText(1000));
    for (int i = 20; i < 60; i++) gzip[i] ^= 0x5A;
    Path file = Files.write(dir.resolve("bad.gz"), gzip);

    assertThatThrownBy(
            () -> {
              try (OpenedInput in = InputSource.file(file).open()) {
                in.stream().readAllBytes();
              }
            })
        .isInstanceOfSatisfying(
            PromotelIOException.class,
            e -> assertThat(e.exitCode()).isEqualTo(PromotelIOException.EXIT_INVALID_INPUT))
        .hasMessageStartingWith(file + ": corrupt gzip data: ");
  }

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void truncatedCompressedDataIsInvalidInput(Compression compression) throws Exception {
    byte[] whole = Encoders.compress(compression, Encoders.metricText(20_000));
    InputStream truncated = new ByteArrayInputStream(whole, 0, whole.length / 2);

    assertThatThrownBy(
            () -> {
              try (OpenedInput in = InputSource.stream("cut", truncated).open()) {
                in.stream().readAllBytes();
              }
            })
        .isInstanceOfSatisfying(
            PromotelIOException.class,
            e -> assertThat(e.exitCode()).isEqualTo(PromotelIOException.EXIT_INVALID_INPUT))
        .hasMessageStartingWith("cut: corrupt " + compression.id() + " data: ");
  }

  @Test
  void aReadErrorOfTheSourceStaysAnIOErrorEvenInsideADecoder() throws Exception {
    byte[] gzip = Encoders.compress(Compression.GZIP, Encoders.metricText(20_000));
    InputStream failing = new FailingInputStream(gzip, gzip.length / 2);

    assertThatThrownBy(
            () -> {
              try (OpenedInput in = InputSource.stream("flaky", failing).open()) {
                in.stream().readAllBytes();
              }
            })
        .isInstanceOfSatisfying(
            PromotelIOException.class,
            e -> assertThat(e.exitCode()).isEqualTo(PromotelIOException.EXIT_IO))
        .hasMessage("flaky: Input/output error");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  /** A pipe that delivers a few bytes per read and never claims more are available. */
  private static final class TrickleInputStream extends ByteArrayInputStream {
    private final int chunk;

    TrickleInputStream(byte[] bytes, int chunk) {
      super(bytes);
      this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, chunk));
    }

    @Override
    public synchronized int available() {
      return 0;
    }
  }

  private static final class CloseTrackingInputStream extends ByteArrayInputStream {
    boolean closed;

    CloseTrackingInputStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }

  /** Fails with EIO once {@code failAt} bytes have been delivered. */
  private static final class FailingInputStream extends InputStream {
    private final ByteArrayInputStream bytes;
    private int left;

    FailingInputStream(byte[] bytes, int failAt) {
      this.bytes = new ByteArrayInputStream(bytes);
      this.left = failAt;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) throw new IOException("Input/output error");
      int n = bytes.read(b, off, Math.min(len, left));
      left -= Math.max(n, 0);
      return n;
    }
  }
}

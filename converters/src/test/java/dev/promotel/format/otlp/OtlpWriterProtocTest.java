package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.protobuf.TextFormat;
import dev.promotel.format.ProtoFraming;
import dev.promotel.model.MetricFamily;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * protoc, with the {@code .proto} files shipped inside the opentelemetry-proto jar, decodes our
 * unframed output, and its text form reads back into the message we meant. Skipped when protoc is
 * not installed, except under CI ({@code CI} set), where {@code .ci/run} installs it.
 */
class OtlpWriterProtocTest {
  private static final String REQUEST =
      "opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest";

  @TempDir Path dir;

  @Test
  void protocDecodesOurBytesIntoTheExpectedRequest() throws Exception {
    String protoc = findProtoc();
    boolean ci = System.getenv("CI") != null && !System.getenv("CI").isEmpty();
    if (!ci) assumeThat(protoc).as("protoc on PATH").isNotNull();
    assertThat(protoc).as("protoc on PATH (CI installs protobuf-compiler)").isNotNull();

    Path protos = extractProtos(dir.resolve("protos"));
    List<MetricFamily> families = OtlpWriterFixtures.everyField();
    Path input = dir.resolve("request.pb");
    Files.write(input, OtlpWriterOutputs.protobuf(families, ProtoFraming.NONE));
    Path output = dir.resolve("request.txt");
    Path errors = dir.resolve("protoc.err");

    Process process = new ProcessBuilder(protoc, "--decode=" + REQUEST, "-I", protos.toString(),
        "opentelemetry/proto/collector/metrics/v1/metrics_service.proto")
        .redirectInput(input.toFile())
        .redirectOutput(output.toFile())
        .redirectError(errors.toFile())
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(errors)).isZero();

    ExportMetricsServiceRequest.Builder decoded = ExportMetricsServiceRequest.newBuilder();
    TextFormat.merge(Files.readString(output, StandardCharsets.UTF_8), decoded);
    assertThat(decoded.build()).isEqualTo(OtlpWriterExpected.request(families));
  }

  private static String findProtoc() {
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String d : path.split(File.pathSeparator)) {
      File f = new File(d, "protoc");
      if (f.canExecute()) return f.getPath();
    }
    return null;
  }

  /** Copies every .proto out of the jar that holds the generated classes. */
  private static Path extractProtos(Path target) throws IOException {
    Path jar;
    try {
      jar = Path.of(ExportMetricsServiceRequest.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      int count = 0;
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.isDirectory() || !e.getName().endsWith(".proto")) continue;
        Path out = target.resolve(e.getName()).normalize();
        if (!out.startsWith(target)) continue;
        Files.createDirectories(out.getParent());
        try (InputStream in = zip.getInputStream(e)) {
          Files.copy(in, out);
        }
        count++;
      }
      assertThat(count).as(".proto files in " + jar).isPositive();
    }
    return target;
  }
}

package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code producer | promotel filter SELECTOR}: output starts while the input is still open. Runs
 * promotel as a child process with pipes for stdin and stdout, writes more than the 64 KiB that
 * format detection reads, and waits for the first family's lines before closing the input.
 */
class FilterStreamingTest {
  /** Families of about 1 KiB each; enough of them to pass format detection's 64 KiB. */
  private static String families(int from, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      out.append("# TYPE fam_").append(i).append(" gauge\n");
      for (int s = 0; s < 10; s++) {
        out.append("fam_").append(i).append("{series=\"").append(s)
            .append("\",padding=\"").append("x".repeat(60)).append("\"} ").append(s).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void theFirstFamilyIsWrittenBeforeTheInputEnds() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "filter", "{__name__=~\"fam_.*\",series=\"3\"}"))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      OutputStream stdin = process.getOutputStream();
      stdin.write(families(0, 120).getBytes(StandardCharsets.UTF_8));
      stdin.flush();

      // The input stays open: whatever arrives now was written before the input ended.
      String firstOutput = readUntil(process.getInputStream(), "fam_0{", 60_000);

      assertThat(firstOutput).contains("# TYPE fam_0 gauge\nfam_0{padding=\"");
      assertThat(process.isAlive()).as("still waiting for more input").isTrue();

      stdin.write(families(120, 1).getBytes(StandardCharsets.UTF_8));
      stdin.close();
      String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(firstOutput + rest).contains("fam_120{").contains("fam_119{");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void withAnExplicitFormatTheFirstFamilyIsWrittenBeforeSixtyFourKibibytesArrive()
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "filter", "-f", "prom", "{__name__=~\"fam_.*\",series=\"3\"}"))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      OutputStream stdin = process.getOutputStream();
      // About 3 KiB: far below the 64 KiB format detection would wait for.
      stdin.write(families(0, 3).getBytes(StandardCharsets.UTF_8));
      stdin.flush();

      String firstOutput = readUntil(process.getInputStream(), "fam_1{", 60_000);

      assertThat(firstOutput).contains("# TYPE fam_0 gauge\nfam_0{padding=\"")
          .contains("fam_1{padding=\"");
      assertThat(process.isAlive()).as("still waiting for more input").isTrue();
      stdin.close();
      String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(firstOutput + rest).contains("fam_2{");
    } finally {
      process.destroyForcibly();
    }
  }

  /** Reads what {@code in} offers until {@code marker} appears (the stream stays open). */
  private static String readUntil(InputStream in, String marker, long timeoutMillis)
      throws IOException, InterruptedException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    byte[] buffer = new byte[8192];
    while (System.nanoTime() < deadline) {
      if (in.available() > 0) {
        int n = in.read(buffer);
        if (n < 0) break;
        seen.write(buffer, 0, n);
        String text = seen.toString(StandardCharsets.UTF_8);
        if (text.contains(marker) && text.endsWith("\n")) return text;
      } else {
        Thread.sleep(20);
      }
    }
    return seen.toString(StandardCharsets.UTF_8);
  }
}

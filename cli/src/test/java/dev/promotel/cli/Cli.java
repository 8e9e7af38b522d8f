package dev.promotel.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs promotel in-process with captured streams: the picocli testing style, never System.out. */
final class Cli {
  final int exitCode;
  final String out;
  final byte[] outBytes;
  final String err;

  private Cli(int exitCode, byte[] out, String err) {
    this.exitCode = exitCode;
    this.outBytes = out;
    this.out = new String(out, StandardCharsets.UTF_8);
    this.err = err;
  }

  static Cli run(String... args) {
    return runWithStdin("", args);
  }

  static Cli runWithStdin(String stdin, String... args) {
    return runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static Cli runWithStdin(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    StandardStreams std = StandardStreams.of(
        new ByteArrayInputStream(stdin), out, new PrintWriter(err, true), Map.of());
    int code = Main.run(std, args);
    return new Cli(code, out.toByteArray(), err.toString());
  }

  /**
   * Through the public {@link Main#run(PrintWriter, PrintWriter, String...)} with {@link
   * StringWriter}s, as an embedding program would (stdin is the process's, so give inputs as files).
   */
  static Cli runWithWriters(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Cli(code, out.toString().getBytes(StandardCharsets.UTF_8), err.toString());
  }
}

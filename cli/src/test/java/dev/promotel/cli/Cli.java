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
  final String err;

  private Cli(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static Cli run(String... args) {
    return runWithStdin("", args);
  }

  static Cli runWithStdin(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    StandardStreams std = StandardStreams.of(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        out,
        new PrintWriter(err, true),
        Map.of());
    int code = Main.run(std, args);
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }
}

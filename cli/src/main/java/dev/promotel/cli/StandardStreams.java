package dev.promotel.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The process's streams and environment as the commands see them, so tests can capture
 * everything: {@code out} carries data bytes, {@code outText} the text a command prints on stdout
 * (same destination, flushed before data is written), {@code err} every diagnostic.
 */
record StandardStreams(
    InputStream in,
    OutputStream out,
    PrintWriter outText,
    PrintWriter err,
    Map<String, String> env,
    TtyProbe tty) {

  /** The real stdin/stdout/stderr. */
  static StandardStreams system() {
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    PrintWriter outText = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            /* autoFlush= */ true);
    return new StandardStreams(System.in, out, outText, err, System.getenv(), TtyProbe.system());
  }

  /** Text stdout and stderr captured by writers; data bytes are decoded as UTF-8 into {@code out}. */
  static StandardStreams of(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
    return new StandardStreams(in, new Utf8WriterStream(out), out, err, env, TtyProbe.NONE);
  }

  /** Data stdout as bytes, for tests of binary output and exact bytes. */
  static StandardStreams of(
      InputStream in, OutputStream out, PrintWriter err, Map<String, String> env) {
    PrintWriter outText = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    return new StandardStreams(in, out, outText, err, env, TtyProbe.NONE);
  }

  void flush() {
    outText.flush();
    err.flush();
  }
}

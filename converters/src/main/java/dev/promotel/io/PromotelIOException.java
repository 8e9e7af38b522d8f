package dev.promotel.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An input/output failure that knows its process exit code, so the CLI maps it without inspecting
 * causes (the jbang {@code ExitException} idea). The message is one line and starts with the
 * display name of the file concerned, e.g. {@code nosuch.prom: no such file} (exit {@value
 * #EXIT_IO}) or {@code dump.gz: corrupt gzip data: invalid block type} (exit {@value
 * #EXIT_INVALID_INPUT}).
 */
public class PromotelIOException extends IOException {
  /** Usage error, e.g. standard input named twice. */
  public static final int EXIT_USAGE = 2;

  /** The input's bytes are invalid: corrupt compressed data, a limit exceeded. */
  public static final int EXIT_INVALID_INPUT = 3;

  /** The operating system refused: missing file, permission denied, disk full. */
  public static final int EXIT_IO = 4;

  private final int exitCode;

  public PromotelIOException(String message, int exitCode) {
    this(message, exitCode, null);
  }

  public PromotelIOException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The exit code the CLI should end with when this error ends a command. */
  public int exitCode() {
    return exitCode;
  }

  /**
   * An I/O error on {@code name}, described the way a shell user expects ({@code no such file},
   * {@code permission denied}) rather than with the JDK's exception class names.
   */
  static PromotelIOException ioError(String name, IOException cause) {
    if (cause instanceof PromotelIOException known) return known;
    return new PromotelIOException(name + ": " + describe(cause), EXIT_IO, cause);
  }

  /** Corrupt or truncated compressed data in {@code name}. */
  static PromotelIOException corrupt(String name, Compression compression, Exception cause) {
    String detail =
        cause instanceof java.io.EOFException
            ? "unexpected end of data (truncated file?)"
            : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new PromotelIOException(
        name + ": corrupt " + compression.id() + " data: " + detail, EXIT_INVALID_INPUT, cause);
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NotDirectoryException) return "not a directory";
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

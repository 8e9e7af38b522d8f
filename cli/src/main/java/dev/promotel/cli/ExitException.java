package dev.promotel.cli;

/**
 * A failure that knows its exit code and a one-line message for the user, thrown from deep in a
 * command instead of calling {@code System.exit} (jbang's {@code ExitException}).
 *
 * <p>Example: {@code new ExitException(ExitCodes.IO_ERROR, "metrics/: is a directory")}.
 */
final class ExitException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  ExitException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  ExitException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}

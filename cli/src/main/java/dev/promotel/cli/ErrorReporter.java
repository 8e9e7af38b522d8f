package dev.promotel.cli;

import dev.promotel.format.MetricParseException;
import dev.promotel.io.PromotelIOException;
import dev.promotel.yaml.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where exceptions become messages and exit codes: {@link ExitException} and {@link
 * PromotelIOException} carry their code (the latter 3 for corrupt compressed data and exceeded
 * limits, 4 for I/O errors), {@link MetricParseException} is invalid input (3, compiler style with
 * the line and a caret) unless it is a {@link ConfigException}, a bad config, rules file or
 * selector of the user's (2, printed the same way), other {@link IOException}s are I/O errors (4), picocli's parameter errors
 * are usage errors (2), anything else is an internal error (70). Stack traces only with {@code
 * --debug}.
 *
 * <p>Example: {@code scrape.om:3:9: error: expected a value, got '}'}, then the line and a caret.
 */
final class ErrorReporter
    implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {
  private static final String RED = "\u001b[1;31m";
  private static final String RESET = "\u001b[0m";

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    PromotelCommand root = (PromotelCommand) command.getCommandSpec().root().userObject();
    boolean color = root.color.enabled(root.std.env(), root.std.tty(), 2);
    PrintWriter err = command.getErr();
    int code = getExitCode(ex);
    Throwable cause = unwrap(ex);
    if (cause instanceof MetricParseException parse) {
      printParseError(parse, err, color);
    } else if (code == ExitCodes.INTERNAL) {
      err.println("promotel: " + label("internal error", color) + ": " + cause
          + (root.debug ? "" : " (rerun with --debug for the stack trace)"));
    } else if (!isBrokenPipe(cause)) {
      printError(cause, err, color);
    }
    if (root.debug) cause.printStackTrace(err);
    err.flush();
    return code;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("promotel: " + ex.getMessage().replaceFirst("^Error: ", ""));
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int getExitCode(Throwable exception) {
    Throwable cause = unwrap(exception);
    if (cause instanceof ExitException exit) return exit.exitCode();
    if (cause instanceof PromotelIOException io) return io.exitCode();
    if (cause instanceof ConfigException) return ExitCodes.USAGE;
    if (cause instanceof MetricParseException) return ExitCodes.INVALID_INPUT;
    if (cause instanceof IOException) return ExitCodes.IO_ERROR;
    if (cause instanceof ParameterException) return ExitCodes.USAGE;
    return ExitCodes.INTERNAL;
  }

  /** {@code file:line:col: error: reason}, the offending line and a caret (the compiler style). */
  static void printParseError(MetricParseException e, PrintWriter err, boolean color) {
    String rendered = e.render();
    String rest = rendered.substring(Math.min(rendered.length(), e.getMessage().length()));
    err.println(e.position() + ": " + label("error", color) + ": " + e.reason() + rest);
  }

  /** {@code promotel: error: message}, for errors without a position in the input. */
  static void printError(Throwable cause, PrintWriter err, boolean color) {
    err.println("promotel: " + label("error", color) + ": " + describe(cause));
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String describe(Throwable cause) {
    if (cause instanceof NoSuchFileException e) return e.getFile() + ": no such file";
    if (cause instanceof AccessDeniedException e) return e.getFile() + ": permission denied";
    if (cause instanceof FileSystemException e && e.getFile() != null) {
      return e.getFile() + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /**
   * Writing into a closed pipe ({@code promotel convert ... | head}) is how the reader says
   * "enough". The JDK's "Broken pipe" may arrive wrapped ({@code <stdout>: Broken pipe}).
   */
  private static boolean isBrokenPipe(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof IOException && "Broken pipe".equals(t.getMessage())) return true;
    }
    return false;
  }

  private static String label(String text, boolean color) {
    return color ? RED + text + RESET : text;
  }
}

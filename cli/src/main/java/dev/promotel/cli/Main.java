package dev.promotel.cli;

import java.io.PrintWriter;

/**
 * The process entry point: {@link #main} runs the command line and exits with its code; {@link
 * #run(PrintWriter, PrintWriter, String...)} runs it against captured writers (tests, embedding).
 *
 * <p>Example: {@code promotel convert scrape.om --to prom} prints the 0.0.4 text on stdout.
 */
public final class Main {
  private Main() {}

  public static void main(String... args) {
    // No command uses picocli's closure defaults; skipping their detection trims start-up.
    if (System.getProperty("picocli.disable.closures") == null) {
      System.setProperty("picocli.disable.closures", "true");
    }
    StandardStreams std = StandardStreams.system();
    int code = run(std, args);
    System.exit(code);
  }

  /**
   * Runs promotel with stdout text and data on {@code out} (data decoded as UTF-8), diagnostics on
   * {@code err}, and the process's stdin; returns the exit code.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(StandardStreams.of(System.in, out, err, System.getenv()), args);
  }

  static int run(StandardStreams std, String... args) {
    try {
      return CommandTree.forArgs(std, args).execute(args);
    } finally {
      std.flush();
      try {
        std.out().flush();
      } catch (java.io.IOException e) {
        // stdout is gone (a closed pipe); the exit code already tells the story.
      }
    }
  }
}

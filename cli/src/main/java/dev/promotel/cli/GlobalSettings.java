package dev.promotel.cli;

import java.io.PrintWriter;

/**
 * The parsed global options, passed down to the code that prints (no static verbosity state).
 *
 * @param verbosity -1 with {@code -q}, 0 by default, 1 with {@code -v}, 2 with {@code -vv}
 * @param colorOnStderr whether diagnostics may carry ANSI colour
 */
record GlobalSettings(int verbosity, boolean debug, boolean colorOnStderr, StandardStreams std) {
  boolean quiet() {
    return verbosity < 0;
  }

  PrintWriter err() {
    return std.err();
  }
}

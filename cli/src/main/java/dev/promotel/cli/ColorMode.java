package dev.promotel.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --color=auto|always|never}. {@code auto} turns colour off when {@code NO_COLOR} is set and
 * non-empty, when {@code TERM=dumb}, or when the stream is not a terminal (specs/cli.md).
 */
enum ColorMode {
  AUTO,
  ALWAYS,
  NEVER;

  /** Lower-case spellings for help and completion. */
  static final class Candidates implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("auto", "always", "never").iterator();
    }
  }

  /** Whether to colour output to file descriptor {@code fd}. */
  boolean enabled(Map<String, String> env, TtyProbe tty, int fd) {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) yield false;
        if ("dumb".equals(env.get("TERM"))) yield false;
        yield tty.isTerminal(fd);
      }
    };
  }

  /**
   * The mode given on a command line, before picocli parses it: help text is rendered during
   * parsing, so its colour scheme must be chosen first. Unknown spellings fall back to {@code auto}
   * (the parser reports them).
   */
  static ColorMode fromArgs(String... args) {
    ColorMode mode = AUTO;
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].startsWith("--color=")) value = args[i].substring("--color=".length());
      else if (args[i].equals("--color") && i + 1 < args.length) value = args[i + 1];
      else if (args[i].equals("--")) break;
      if (value != null) {
        try {
          mode = valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          mode = AUTO;
        }
      }
    }
    return mode;
  }
}

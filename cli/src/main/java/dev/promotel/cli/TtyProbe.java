package dev.promotel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Tells whether a standard stream (0 stdin, 1 stdout, 2 stderr) is a terminal. Asked lazily, only
 * when colour or a progress bar is about to be used, because the portable answer (jline's {@code
 * exec} provider runs {@code test -t}) costs a process start; on Linux {@code /proc/self/fd} is
 * read instead.
 */
interface TtyProbe {
  /** For captured streams (tests, {@link Main#run(java.io.PrintWriter, java.io.PrintWriter, String...)}). */
  TtyProbe NONE = fd -> false;

  boolean isTerminal(int fd);

  /** The probe for the real process streams. */
  static TtyProbe system() {
    return fd -> {
      Path link = Path.of("/proc/self/fd/" + fd);
      if (Files.isSymbolicLink(link)) {
        try {
          String target = Files.readSymbolicLink(link).toString();
          return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
          return false;
        }
      }
      try {
        SystemStream stream =
            switch (fd) {
              case 0 -> SystemStream.Input;
              case 1 -> SystemStream.Output;
              default -> SystemStream.Error;
            };
        return TerminalProvider.load("exec").isSystemStream(stream);
      } catch (IOException | RuntimeException | LinkageError e) {
        // No provider on this platform: System.console() at least knows about stdin and stdout.
        return System.console() != null;
      }
    };
  }
}

package dev.promotel.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One input named on the command line: a file, or a stream such as standard input. Its {@link
 * #name()} is what every message shows: the path as given ({@code metrics/node.prom}) or {@code
 * <stdin>} for {@code -}. {@link #open(DecompressionLimits)} yields the decompressed bytes.
 *
 * <pre>{@code
 * for (InputSource source : InputSource.fromArguments(List.of("a.prom.gz", "dir", "-"), System.in)) {
 *   try (OpenedInput in = source.open(DecompressionLimits.DEFAULTS)) { ... }
 * }
 * }</pre>
 *
 * File sources can be opened again (a pre-scan, then the real read); stream sources only once.
 */
public abstract class InputSource {
  /** The display name of standard input. */
  public static final String STDIN_NAME = "<stdin>";

  private static final Comparator<Path> BY_COMPONENTS = InputSource::compareByComponents;

  InputSource() {}

  /** The display name: the path as given, or {@code <stdin>}. */
  public abstract String name();

  /**
   * The regular file behind this source, if any: a seekable input that can be reopened (for a
   * pre-scan). Empty for standard input and for named pipes such as {@code <(curl ...)}.
   */
  public Optional<Path> path() {
    return Optional.empty();
  }

  /**
   * Opens the input: detects its compression and returns the decompressed bytes with their head.
   *
   * @throws PromotelIOException exit 4 when the file cannot be opened or read ({@code nosuch.prom:
   *     no such file}); exit 3 when the compressed data is corrupt from the start
   */
  public abstract OpenedInput open(DecompressionLimits limits) throws IOException;

  /** {@link #open(DecompressionLimits)} with {@link DecompressionLimits#DEFAULTS}. */
  public final OpenedInput open() throws IOException {
    return open(DecompressionLimits.DEFAULTS);
  }

  @Override
  public String toString() {
    return name();
  }

  /** The file at {@code path}, shown as the path as given. Existence is checked on open. */
  public static InputSource file(Path path) {
    return new FileSource(path, path.toString());
  }

  /**
   * A stream read once, shown as {@code name}; opening does not close {@code stream}'s owner (a
   * test's stream, or standard input).
   */
  public static InputSource stream(String name, InputStream stream) {
    return new StreamSource(name, stream);
  }

  /** Standard input, shown as {@code <stdin>}; pass {@code System.in} (tests pass their own). */
  public static InputSource stdin(InputStream stdin) {
    return stream(STDIN_NAME, stdin);
  }

  /** One argument: {@code -} is standard input, anything else a file path. */
  public static InputSource of(String argument, InputStream stdin) throws PromotelIOException {
    return argument.equals("-") ? stdin(stdin) : file(toPath(argument));
  }

  /**
   * Several inputs read one after another as a single stream of bytes, like {@code cat}: each part
   * is decompressed on its own (parts may use different compressions) and opened only when the
   * previous one is exhausted. Errors name the part concerned.
   */
  public static InputSource concat(String name, List<InputSource> parts) {
    if (parts.isEmpty()) throw new IllegalArgumentException("nothing to concatenate");
    return new ConcatSource(name, List.copyOf(parts));
  }

  /**
   * The inputs named by command-line arguments, in order. No argument means standard input; {@code
   * -} is standard input (at most once); a directory stands for its regular files, recursively, in
   * sorted order (by path component, so {@code d/a/x} precedes {@code d/b}), skipping hidden
   * entries (names starting with a dot) and not following symbolic links to directories. A
   * directory without files contributes nothing, so the list may be empty.
   *
   * @throws PromotelIOException exit 4 for a path that does not exist or cannot be listed ({@code
   *     nosuch.prom: no such file}); exit 2 when {@code -} is given twice
   */
  public static List<InputSource> fromArguments(List<String> arguments, InputStream stdin)
      throws PromotelIOException {
    if (arguments.isEmpty()) return List.of(stdin(stdin));
    List<InputSource> sources = new ArrayList<>();
    boolean stdinSeen = false;
    for (String argument : arguments) {
      if (argument.equals("-")) {
        if (stdinSeen) {
          throw new PromotelIOException(
              "standard input ('-') can be read only once", PromotelIOException.EXIT_USAGE);
        }
        stdinSeen = true;
        sources.add(stdin(stdin));
        continue;
      }
      Path path = toPath(argument);
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class);
      } catch (IOException e) {
        throw PromotelIOException.ioError(argument, e);
      }
      if (attributes.isDirectory()) {
        for (Path file : filesUnder(path)) sources.add(file(file));
      } else {
        sources.add(file(path));
      }
    }
    return List.copyOf(sources);
  }

  private static Path toPath(String argument) throws PromotelIOException {
    try {
      return Path.of(argument);
    } catch (InvalidPathException e) {
      throw new PromotelIOException(
          argument + ": invalid file name: " + e.getReason(), PromotelIOException.EXIT_IO, e);
    }
  }

  private static List<Path> filesUnder(Path root) throws PromotelIOException {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && isHidden(dir)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (isHidden(file)) return FileVisitResult.CONTINUE;
              // Links are not followed by the walk; a link to a regular file still counts as one.
              if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file))) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      String where =
          e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
              ? fs.getFile()
              : root.toString();
      throw PromotelIOException.ioError(where, e);
    }
    files.sort(BY_COMPONENTS);
    return files;
  }

  private static boolean isHidden(Path path) {
    Path fileName = path.getFileName();
    return fileName != null && fileName.toString().startsWith(".");
  }

  private static int compareByComponents(Path a, Path b) {
    int common = Math.min(a.getNameCount(), b.getNameCount());
    for (int i = 0; i < common; i++) {
      int c = a.getName(i).toString().compareTo(b.getName(i).toString());
      if (c != 0) return c;
    }
    return Integer.compare(a.getNameCount(), b.getNameCount());
  }

  private static final class FileSource extends InputSource {
    private final Path path;
    private final String name;

    FileSource(Path path, String name) {
      this.path = path;
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Optional<Path> path() {
      // Checked on every call: process substitution hands over /dev/fd/63, a pipe.
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public OpenedInput open(DecompressionLimits limits) throws IOException {
      // Linux opens a directory for reading without complaint and fails on the first read.
      if (Files.isDirectory(path)) {
        throw new PromotelIOException(name + ": is a directory", PromotelIOException.EXIT_IO);
      }
      InputStream in;
      try {
        in = Files.newInputStream(path);
      } catch (IOException e) {
        throw PromotelIOException.ioError(name, e);
      }
      return OpenedInput.open(name, in, /* ownsSource= */ true, limits);
    }
  }

  private static final class StreamSource extends InputSource {
    private final String name;
    private final InputStream stream;
    private final AtomicBoolean opened = new AtomicBoolean();

    StreamSource(String name, InputStream stream) {
      this.name = name;
      this.stream = stream;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public OpenedInput open(DecompressionLimits limits) throws IOException {
      if (opened.getAndSet(true)) {
        throw new IllegalStateException(name + " was already opened; a stream is read only once");
      }
      return OpenedInput.open(name, stream, /* ownsSource= */ false, limits);
    }
  }

  private static final class ConcatSource extends InputSource {
    private final String name;
    private final List<InputSource> parts;

    ConcatSource(String name, List<InputSource> parts) {
      this.name = name;
      this.parts = parts;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public OpenedInput open(DecompressionLimits limits) throws IOException {
      OpenedInput first = parts.get(0).open(limits);
      ConcatInputStream joined =
          new ConcatInputStream(first, parts.subList(1, parts.size()), limits);
      try {
        return OpenedInput.ofDecompressed(
            name, first.compression(), joined, joined::sourceBytesRead);
      } catch (IOException | RuntimeException e) {
        OpenedInput.closeQuietly(joined, e);
        throw e;
      }
    }
  }
}

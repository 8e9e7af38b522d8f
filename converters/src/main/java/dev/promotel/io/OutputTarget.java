package dev.promotel.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a command writes its data: standard output ({@code -o -} or no {@code -o}) or a file
 * written atomically ({@link AtomicOutput}). Writers write to {@link #stream()}, which applies the
 * output compression; {@link #commit()} finishes the output once everything succeeded; {@link
 * #close()} without a commit discards a file output (the old file stays untouched).
 *
 * <pre>{@code
 * Compression compression = Compression.forOutput(compressFlag, outputFlag);
 * try (OutputTarget out = OutputTarget.open(outputFlag, compression, stdout)) {
 *   writeEverything(out.stream());
 *   out.commit();
 * }
 * }</pre>
 */
public abstract class OutputTarget implements Closeable {
  /** The display name of standard output. */
  public static final String STDOUT_NAME = "<stdout>";

  OutputTarget() {}

  /**
   * The target for an {@code -o} value: {@code null} or {@code -} is {@code stdout}, which is never
   * closed (pass {@code new FileOutputStream(FileDescriptor.out)} rather than a {@code
   * PrintStream}, which swallows errors such as a closed pipe); an existing device or named pipe
   * ({@code /dev/null}) is written in place; anything else is a file written atomically.
   *
   * @throws PromotelIOException exit 4 when the file's directory is missing or not writable, or the
   *     path is a directory
   */
  public static OutputTarget open(String argument, Compression compression, OutputStream stdout)
      throws PromotelIOException {
    if (argument == null || argument.equals("-")) return toStream(STDOUT_NAME, stdout, compression);
    Path path;
    try {
      path = Path.of(argument);
    } catch (InvalidPathException e) {
      throw new PromotelIOException(
          argument + ": invalid file name: " + e.getReason(), PromotelIOException.EXIT_IO, e);
    }
    if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
      return toDevice(argument, path, compression);
    }
    return AtomicOutput.create(path, compression);
  }

  /** A device or named pipe ({@code /dev/null}, {@code >(gzip > x)}): written in place. */
  private static OutputTarget toDevice(String name, Path path, Compression compression)
      throws PromotelIOException {
    OutputStream device;
    try {
      device = Files.newOutputStream(path);
    } catch (IOException e) {
      throw PromotelIOException.ioError(name, e);
    }
    try {
      return new StreamOutput(
          name, FinishingOutputStream.over(name, device, compression), compression, device);
    } catch (IOException e) {
      OpenedInput.closeQuietly(device, e);
      throw PromotelIOException.ioError(name, e);
    } catch (RuntimeException e) {
      OpenedInput.closeQuietly(device, e);
      throw e;
    }
  }

  /** Writes to a stream that stays open ({@code stdout}); commit finishes and flushes. */
  public static OutputTarget toStream(String name, OutputStream out, Compression compression)
      throws PromotelIOException {
    try {
      return new StreamOutput(
          name, FinishingOutputStream.over(name, out, compression), compression, null);
    } catch (IOException e) {
      throw PromotelIOException.ioError(name, e);
    }
  }

  /** The display name: the path as given, or {@code <stdout>}. */
  public abstract String name();

  public abstract Compression compression();

  /**
   * The stream writers write to. Closing it writes the compression trailer and flushes, but does
   * not commit: call {@link #commit()} after it (commit closes it if needed).
   */
  public abstract OutputStream stream();

  /** Finishes the output: trailer, flush, and for a file fsync and rename over the target. */
  public abstract void commit() throws IOException;

  public abstract boolean isCommitted();

  /**
   * Releases the output. Without a prior {@link #commit()} a file output is discarded (temp file
   * deleted, target untouched), while standard output keeps what was already written. Errors while
   * discarding are ignored, so they do not mask the failure that caused the discard.
   */
  @Override
  public abstract void close();

  private static final class StreamOutput extends OutputTarget {
    private final String name;
    private final FinishingOutputStream stream;
    private final Compression compression;
    private final OutputStream owned;
    private boolean committed;
    private boolean closed;

    /** {@code owned}: a stream to close at the end (a device), or null (standard output). */
    StreamOutput(
        String name, FinishingOutputStream stream, Compression compression, OutputStream owned) {
      this.name = name;
      this.stream = stream;
      this.compression = compression;
      this.owned = owned;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Compression compression() {
      return compression;
    }

    @Override
    public OutputStream stream() {
      return stream;
    }

    @Override
    public void commit() throws IOException {
      if (committed) return;
      if (closed) throw new IllegalStateException(name + ": output already discarded");
      try {
        stream.close();
        if (owned != null) owned.close();
      } catch (IOException e) {
        close();
        throw PromotelIOException.ioError(name, e);
      }
      committed = true;
      closed = true;
    }

    @Override
    public boolean isCommitted() {
      return committed;
    }

    @Override
    public void close() {
      if (closed) return;
      closed = true;
      try {
        // Also releases a native zstd encoder; what was written stays written.
        stream.close();
      } catch (IOException | RuntimeException e) {
        // Discarding after a failure: the failure is what the user needs to see.
      }
      if (owned != null) {
        try {
          owned.close();
        } catch (IOException e) {
          // As above.
        }
      }
    }
  }
}

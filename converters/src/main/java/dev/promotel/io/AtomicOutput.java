package dev.promotel.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An {@code -o FILE} output written atomically: bytes go to a hidden temp file in the target's
 * directory ({@code .out.prom.k3x9q1.tmp} for {@code out.prom}); {@link #commit()} finishes the
 * compression, fsyncs, and renames the temp file over the target, so readers see either the old
 * file or the complete new one. {@link #close()} without a commit deletes the temp file: a failed
 * conversion never leaves a partial file nor clobbers the old one.
 *
 * <p>Only regular files (or new names) qualify; {@link OutputTarget#open} writes devices and pipes
 * such as {@code /dev/null} directly. Permissions: a new file gets the process's default (umask)
 * permissions; a replaced file keeps its POSIX permissions. A symbolic link as target is followed,
 * so the link survives and the file it points to is replaced.
 */
public final class AtomicOutput extends OutputTarget {
  private final String name;
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final FinishingOutputStream stream;
  private final Compression compression;
  private boolean committed;
  private boolean closed;

  private AtomicOutput(
      String name,
      Path target,
      Path temp,
      FileChannel channel,
      FinishingOutputStream stream,
      Compression compression) {
    this.name = name;
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.stream = stream;
    this.compression = compression;
  }

  /**
   * Creates the temp file next to {@code target}.
   *
   * @throws PromotelIOException exit 4 when the directory is missing or not writable, or the target
   *     is a directory ({@code out: is a directory})
   */
  public static AtomicOutput create(Path target, Compression compression)
      throws PromotelIOException {
    String name = target.toString();
    Path resolved = followLink(target);
    if (Files.isDirectory(resolved)) {
      throw new PromotelIOException(name + ": is a directory", PromotelIOException.EXIT_IO);
    }
    if (Files.exists(resolved) && !Files.isRegularFile(resolved)) {
      // Renaming over /dev/null (as root) would replace the device with a plain file.
      throw new PromotelIOException(
          name + ": not a regular file, so it cannot be replaced atomically",
          PromotelIOException.EXIT_IO);
    }
    Path directory = resolved.toAbsolutePath().getParent();
    if (!Files.isDirectory(directory)) {
      throw new PromotelIOException(
          name + ": directory " + directory + " does not exist", PromotelIOException.EXIT_IO);
    }
    FileChannel channel = null;
    Path temp = null;
    for (int attempt = 0; channel == null; attempt++) {
      temp =
          directory.resolve(
              "."
                  + resolved.getFileName()
                  + "."
                  + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)
                  + ".tmp");
      try {
        // CREATE_NEW without attributes: the file gets the umask's permissions, like a shell
        // redirection would, and an attacker's pre-placed file or link is never written through.
        channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) throw PromotelIOException.ioError(name, e);
      } catch (IOException e) {
        throw PromotelIOException.ioError(name, e);
      }
    }
    // Removes the temp file on Ctrl-C too (shutdown hooks run on SIGINT); after a commit the
    // name no longer exists and the deletion does nothing.
    temp.toFile().deleteOnExit();
    try {
      FinishingOutputStream stream =
          FinishingOutputStream.over(name, Channels.newOutputStream(channel), compression);
      return new AtomicOutput(name, resolved, temp, channel, stream, compression);
    } catch (IOException e) {
      discard(channel, temp);
      throw PromotelIOException.ioError(name, e);
    } catch (RuntimeException e) {
      discard(channel, temp);
      throw e;
    }
  }

  private static Path followLink(Path target) {
    if (!Files.isSymbolicLink(target)) return target;
    try {
      return target.toRealPath();
    } catch (IOException e) {
      // A dangling link: replace the link itself.
      return target;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Compression compression() {
    return compression;
  }

  /** The file that {@link #commit()} replaces (after following a symbolic link). */
  public Path target() {
    return target;
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
      try {
        channel.force(/* metaData= */ true);
        channel.close();
      } catch (IOException e) {
        throw PromotelIOException.ioError(name, e);
      }
      keepPermissions();
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw PromotelIOException.ioError(name, e);
      }
      committed = true;
      closed = true;
      syncDirectory();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
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
      // Frees a native zstd encoder; the bytes it flushes land in the doomed temp file.
      stream.close();
    } catch (IOException | RuntimeException e) {
      // Discarding after a failure: the failure is what the user needs to see.
    }
    discard(channel, temp);
  }

  private static void discard(FileChannel channel, Path temp) {
    try {
      channel.close();
    } catch (IOException e) {
      // The file is deleted next; nothing more to do about it.
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // Best effort; deleteOnExit tries once more.
    }
  }

  /** A replaced file keeps its mode (a 0600 secret stays 0600; a 0644 dump stays readable). */
  private void keepPermissions() {
    try {
      Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
    } catch (NoSuchFileException e) {
      // New file: keep the umask permissions the temp file was created with.
    } catch (IOException | UnsupportedOperationException e) {
      // Not POSIX, or not ours to change: the default permissions are acceptable.
    }
  }

  /** Makes the rename itself durable; not every platform can open a directory, so best effort. */
  private void syncDirectory() {
    Path directory = target.toAbsolutePath().getParent();
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(/* metaData= */ true);
    } catch (IOException | RuntimeException e) {
      // The data itself is already synced; losing only the rename on a crash is acceptable.
    }
  }
}

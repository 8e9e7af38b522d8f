package dev.promotel.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a data command writes: stdout, or a file written atomically. The file's bytes go to a
 * temporary file in the same directory, which {@link #commit()} syncs and renames over the target;
 * {@link #close()} without a commit deletes it, so no partial file survives any error.
 */
final class OutputTarget implements AutoCloseable {
  private final OutputStream stream;
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private boolean committed;

  private OutputTarget(OutputStream stream, Path target, Path temp, FileChannel channel) {
    this.stream = stream;
    this.target = target;
    this.temp = temp;
    this.channel = channel;
  }

  static OutputTarget stdout(StandardStreams std, Compression compression) throws IOException {
    std.outText().flush();
    OutputStream shield = new FilterOutputStream(std.out()) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        // The process owns stdout; finishing a compressed stream must not close it.
        out.flush();
      }
    };
    return new OutputTarget(compression.wrap(shield), null, null, null);
  }

  static OutputTarget file(Path target, Compression compression) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new ExitException(ExitCodes.IO_ERROR, target + ": is a directory");
    }
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
    OutputStream raw =
        syncing(channel, new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
    try {
      return new OutputTarget(compression.wrap(raw), target, temp, channel);
    } catch (IOException e) {
      channel.close();
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  OutputStream stream() {
    return stream;
  }

  /** Finishes the output: flushes stdout, or syncs the temporary file and renames it into place. */
  void commit() throws IOException {
    stream.close();
    if (temp != null) {
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (committed || temp == null) return;
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Closing syncs the file before the rename, so a crash never leaves a renamed empty file. */
  private static OutputStream syncing(FileChannel channel, OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
        channel.force(true);
        out.close();
      }
    };
  }
}

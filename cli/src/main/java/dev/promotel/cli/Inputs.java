package dev.promotel.cli;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens one {@code INPUT}: {@code -} is stdin (left open when the input is closed), anything else a
 * file. gzip and zstd are recognised by their magic bytes and decompressed. The progress meter, if
 * any, counts the bytes read from the file itself (compressed), against the file's size.
 */
final class Inputs {
  static final String STDIN_NAME = "<stdin>";

  private Inputs() {}

  /** An opened input: its name for messages, its decompressed bytes, its size on disk (-1 unknown). */
  record Opened(String name, InputStream stream, long size) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      stream.close();
    }
  }

  interface RawWrapper {
    InputStream wrap(InputStream raw, String name, long size);
  }

  static Opened open(String input, StandardStreams std, RawWrapper meter) throws IOException {
    if (input.equals("-")) {
      InputStream stdin = new FilterInputStream(std.in()) {
        @Override
        public void close() {
          // stdin belongs to the process, and later inputs may also be "-".
        }
      };
      return new Opened(STDIN_NAME, decompress(stdin), -1);
    }
    Path path = Path.of(input);
    if (Files.isDirectory(path)) {
      throw new ExitException(ExitCodes.IO_ERROR, input + ": is a directory");
    }
    if (!Files.exists(path)) throw new NoSuchFileException(input);
    long size = Files.size(path);
    InputStream raw = meter.wrap(Files.newInputStream(path), input, size);
    return new Opened(input, decompress(raw), size);
  }

  private static InputStream decompress(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
      return new BufferedInputStream(new ZstdInputStream(in), 1 << 16);
    }
    return in;
  }
}

package dev.promotel.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * One opened input: its display name, the {@link Compression} found from its magic bytes, a
 * buffered stream of the <em>decompressed</em> bytes positioned at the start, and a copy of the
 * first {@value #HEAD_BYTES} decompressed bytes (fewer if the input is shorter) for format
 * sniffing:
 *
 * <pre>{@code
 * try (OpenedInput in = source.open(limits)) {
 *   Format format = Format.sniff(in.head(), in.head().length, in.name());
 *   MetricReader reader = ...(in.stream(), in.name(), ...);
 * }
 * }</pre>
 *
 * The head is read on the first call of {@link #head()} or {@link #isEmpty()}, which must come
 * before the stream is read: it waits until the head is full or the input ends, so on a slow pipe
 * a sniffed format delays the first family until 64 KiB have arrived. A caller that knows the
 * format (an explicit {@code -f}) never asks for the head, and reading starts at once. Closing
 * releases the decoder and the file; standard input itself stays open.
 */
public final class OpenedInput implements Closeable {
  /** How many decompressed bytes {@link #head()} holds at most. */
  public static final int HEAD_BYTES = 64 * 1024;

  private static final int BUFFER = 64 * 1024;

  private final String name;
  private final Compression compression;
  private final TrackedStream stream;
  private final LongSupplier sourceBytes;
  private byte[] head;

  private OpenedInput(
      String name, Compression compression, InputStream stream, LongSupplier sourceBytes) {
    this.name = name;
    this.compression = compression;
    this.stream = stream instanceof TrackedStream t ? t : new TrackedStream(stream);
    this.sourceBytes = sourceBytes;
  }

  /** Reads the head once, before anything else reads the stream. */
  private byte[] loadHead() throws IOException {
    if (head != null) return head;
    if (stream.touched) {
      throw new IllegalStateException("the head of " + name + " must be read before the stream");
    }
    // The buffer is at least HEAD_BYTES long, so reading that much after mark() keeps the mark.
    stream.mark(HEAD_BYTES);
    head = stream.readNBytes(HEAD_BYTES);
    stream.reset();
    stream.touched = false;
    return head;
  }

  /**
   * Opens {@code source}: detects the compression, wraps the decoder with the limits, reads the
   * head. Closes {@code source} (if owned) when anything fails.
   */
  static OpenedInput open(
      String name, InputStream source, boolean ownsSource, DecompressionLimits limits)
      throws IOException {
    SourceInputStream counted = new SourceInputStream(name, source, ownsSource);
    // The outermost layer built so far: closing it releases everything below, including the
    // native zstd context, which has no finalizer.
    Closeable outermost = counted;
    try {
      TrackedStream raw = new TrackedStream(counted);
      raw.mark(Compression.MAGIC_BYTES);
      byte[] magic = raw.readNBytes(Compression.MAGIC_BYTES);
      raw.reset();
      raw.touched = false;
      Compression compression = Compression.detect(magic, magic.length);
      if (compression == Compression.NONE) {
        return new OpenedInput(name, compression, raw, counted::count);
      }
      InputStream decoder;
      try {
        decoder = compression.decompress(raw);
        outermost = decoder;
      } catch (PromotelIOException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw PromotelIOException.corrupt(name, compression, e);
      }
      InputStream limited =
          new DecompressingInputStream(name, compression, decoder, counted::count, limits);
      outermost = limited;
      return new OpenedInput(name, compression, limited, counted::count);
    } catch (IOException | RuntimeException e) {
      closeQuietly(outermost, e);
      throw e;
    }
  }

  /** Wraps an already decompressed stream (the concatenation of several inputs). */
  static OpenedInput ofDecompressed(
      String name, Compression compression, InputStream decompressed, LongSupplier sourceBytes)
      throws IOException {
    return new OpenedInput(name, compression, decompressed, sourceBytes);
  }

  /** The display name: the path as given, or {@code <stdin>}. Use it in every message. */
  public String name() {
    return name;
  }

  /** The compression detected from the content (for a concatenation: of its first part). */
  public Compression compression() {
    return compression;
  }

  /** The decompressed bytes from the start; supports mark/reset. Closing it closes the input. */
  public InputStream stream() {
    return stream;
  }

  /**
   * A copy of the first decompressed bytes (at most {@value #HEAD_BYTES}; empty for an empty
   * input), for {@code Format.sniff(head, head.length, name)}.
   */
  public byte[] head() throws IOException {
    byte[] h = loadHead();
    return Arrays.copyOf(h, h.length);
  }

  /**
   * Whether {@link #head()} holds the whole (decompressed) input: it is shorter than {@value
   * #HEAD_BYTES}, so the input ended inside it. Sniffing may then rely on what is absent. Reads
   * the head (see above).
   */
  public boolean isWhole() throws IOException {
    return loadHead().length < HEAD_BYTES;
  }

  /** Whether the input has no (decompressed) bytes at all; reads the head (see above). */
  public boolean isEmpty() throws IOException {
    return loadHead().length == 0;
  }

  /**
   * Bytes consumed from the source so far, i.e. compressed bytes for a compressed input. Runs ahead
   * of the reader by the read-ahead buffers; meant for progress reporting.
   */
  public long sourceBytesRead() {
    return sourceBytes.getAsLong();
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }

  /**
   * The buffered stream handed out, remembering whether anyone read from it, so a late {@link
   * #head()} fails loudly instead of returning bytes from the middle.
   */
  private static final class TrackedStream extends BufferedInputStream {
    boolean touched;

    TrackedStream(InputStream in) {
      super(in, BUFFER);
    }

    @Override
    public synchronized int read() throws IOException {
      touched = true;
      return super.read();
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
      touched = true;
      return super.read(b, off, len);
    }

    @Override
    public synchronized long skip(long n) throws IOException {
      touched = true;
      return super.skip(n);
    }
  }

  static void closeQuietly(Closeable closeable, Throwable primary) {
    try {
      closeable.close();
    } catch (IOException | RuntimeException e) {
      primary.addSuppressed(e);
    }
  }
}

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
 * Opening reads ahead until the head is full or the input ends, so on a slow pipe the first family
 * appears once 64 KiB have arrived. Closing releases the decoder and the file; standard input
 * itself stays open.
 */
public final class OpenedInput implements Closeable {
  /** How many decompressed bytes {@link #head()} holds at most. */
  public static final int HEAD_BYTES = 64 * 1024;

  private static final int BUFFER = 64 * 1024;

  private final String name;
  private final Compression compression;
  private final BufferedInputStream stream;
  private final LongSupplier sourceBytes;
  private final byte[] head;

  private OpenedInput(
      String name, Compression compression, BufferedInputStream stream, LongSupplier sourceBytes)
      throws IOException {
    this.name = name;
    this.compression = compression;
    this.stream = stream;
    this.sourceBytes = sourceBytes;
    // The buffer is at least HEAD_BYTES long, so reading that much after mark() keeps the mark.
    stream.mark(HEAD_BYTES);
    this.head = stream.readNBytes(HEAD_BYTES);
    stream.reset();
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
      BufferedInputStream raw = new BufferedInputStream(counted, BUFFER);
      raw.mark(Compression.MAGIC_BYTES);
      byte[] magic = raw.readNBytes(Compression.MAGIC_BYTES);
      raw.reset();
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
      return new OpenedInput(
          name, compression, new BufferedInputStream(limited, BUFFER), counted::count);
    } catch (IOException | RuntimeException e) {
      closeQuietly(outermost, e);
      throw e;
    }
  }

  /** Wraps an already decompressed stream (the concatenation of several inputs). */
  static OpenedInput ofDecompressed(
      String name, Compression compression, InputStream decompressed, LongSupplier sourceBytes)
      throws IOException {
    return new OpenedInput(
        name, compression, new BufferedInputStream(decompressed, BUFFER), sourceBytes);
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
  public byte[] head() {
    return Arrays.copyOf(head, head.length);
  }

  /**
   * Whether {@link #head()} holds the whole (decompressed) input: it is shorter than {@value
   * #HEAD_BYTES}, so the input ended inside it. Sniffing may then rely on what is absent.
   */
  public boolean isWhole() {
    return head.length < HEAD_BYTES;
  }

  /** Whether the input has no (decompressed) bytes at all. */
  public boolean isEmpty() {
    return head.length == 0;
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

  static void closeQuietly(Closeable closeable, Throwable primary) {
    try {
      closeable.close();
    } catch (IOException | RuntimeException e) {
      primary.addSuppressed(e);
    }
  }
}

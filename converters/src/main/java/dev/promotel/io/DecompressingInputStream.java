package dev.promotel.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reads a decoder, counts what it produces and enforces {@link DecompressionLimits}. Any failure of
 * the decoder other than a source I/O error (already a {@link PromotelIOException}) means the
 * compressed data is corrupt or truncated: exit 3. Runtime exceptions are caught too, because a
 * decoder fed hostile bytes is the one place where they signal bad data rather than a bug.
 */
final class DecompressingInputStream extends InputStream {
  private final String name;
  private final Compression compression;
  private final InputStream decoder;
  private final LongSupplier compressedBytes;
  private final DecompressionLimits limits;
  private long produced;

  DecompressingInputStream(
      String name,
      Compression compression,
      InputStream decoder,
      LongSupplier compressedBytes,
      DecompressionLimits limits) {
    this.name = name;
    this.compression = compression;
    this.decoder = decoder;
    this.compressedBytes = compressedBytes;
    this.limits = limits;
  }

  @Override
  public int read() throws IOException {
    int b;
    try {
      b = decoder.read();
    } catch (PromotelIOException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw PromotelIOException.corrupt(name, compression, e);
    }
    if (b >= 0) produced(1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = decoder.read(buffer, offset, length);
    } catch (PromotelIOException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw PromotelIOException.corrupt(name, compression, e);
    }
    if (n > 0) produced(n);
    return n;
  }

  private void produced(int n) throws InputLimitException {
    produced += n;
    if (produced > limits.maxTotalBytes()) {
      throw new InputLimitException(
          name
              + ": "
              + compression.id()
              + " data expands beyond the "
              + DecompressionLimits.formatBytes(limits.maxTotalBytes())
              + " limit; if the input is trusted, raise "
              + DecompressionLimits.SIZE_FLAG,
          DecompressionLimits.SIZE_FLAG);
    }
    if (produced > limits.ratioFloorBytes()) {
      long compressed = Math.max(1, compressedBytes.getAsLong());
      if (produced > limits.maxRatio() * compressed) {
        throw new InputLimitException(
            name
                + ": "
                + compression.id()
                + " data expands more than "
                + ratio(limits.maxRatio())
                + " times ("
                + DecompressionLimits.formatBytes(produced)
                + " from "
                + DecompressionLimits.formatBytes(compressed)
                + "); if the input is trusted, raise "
                + DecompressionLimits.RATIO_FLAG,
            DecompressionLimits.RATIO_FLAG);
      }
    }
  }

  private static String ratio(double ratio) {
    return ratio == Math.rint(ratio)
        ? Long.toString((long) ratio)
        : String.format(Locale.ROOT, "%.1f", ratio);
  }

  @Override
  public void close() throws IOException {
    try {
      decoder.close();
    } catch (PromotelIOException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw PromotelIOException.corrupt(name, compression, e);
    }
  }
}

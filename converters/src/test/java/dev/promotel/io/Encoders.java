package dev.promotel.io;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Compresses test data with the libraries directly, independently of {@link Compression}'s own
 * encoders, so reading tests do not only check our writer against our reader.
 */
final class Encoders {
  private Encoders() {}

  static byte[] compress(Compression compression, byte[] data) throws IOException {
    if (compression == Compression.ZSTD) return Zstd.compress(data);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = encoder(compression, bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static OutputStream encoder(Compression compression, OutputStream out)
      throws IOException {
    return switch (compression) {
      case NONE -> out;
      case GZIP -> new GZIPOutputStream(out);
      case ZSTD -> throw new AssertionError("handled above");
      case XZ -> new XZOutputStream(out, new LZMA2Options());
      case BZIP2 -> new BZip2CompressorOutputStream(out);
    };
  }

  /** Compresses {@code zeros} zero bytes without ever holding them: the bomb stays small. */
  static byte[] gzipOfZeros(long zeros) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
      writeZeros(out, zeros);
    }
    return bytes.toByteArray();
  }

  static byte[] zstdOfZeros(long zeros) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new com.github.luben.zstd.ZstdOutputStreamNoFinalizer(bytes, 3)) {
      writeZeros(out, zeros);
    }
    return bytes.toByteArray();
  }

  private static void writeZeros(OutputStream out, long zeros) throws IOException {
    byte[] chunk = new byte[1 << 20];
    for (long left = zeros; left > 0; left -= chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
  }

  /** Some metric-like text of about {@code lines} lines, not trivially compressible. */
  static byte[] metricText(int lines) {
    StringBuilder text = new StringBuilder("# TYPE http_requests_total counter\n");
    for (int i = 0; i < lines; i++) {
      text.append("http_requests_total{code=\"")
          .append(200 + i % 7)
          .append("\",path=\"/api/v")
          .append(i % 13)
          .append("/item/")
          .append(i)
          .append("\"} ")
          .append(i * 31L % 100_003)
          .append('\n');
    }
    return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}

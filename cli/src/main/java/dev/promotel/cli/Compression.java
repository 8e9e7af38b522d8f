package dev.promotel.cli;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Output compression ({@code --compress}); without the flag, the {@code -o} file's extension decides. */
enum Compression {
  NONE("none"),
  GZIP("gzip"),
  ZSTD("zstd");

  private final String id;

  Compression(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  /** {@code out.prom.gz} → gzip, {@code out.jsonl.zst} → zstd, anything else → none. */
  static Compression fromFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) return GZIP;
    if (lower.endsWith(".zst")) return ZSTD;
    return NONE;
  }

  /** Wraps {@code out}; closing the result finishes the compressed stream and closes {@code out}. */
  OutputStream wrap(OutputStream out) throws IOException {
    return switch (this) {
      case NONE -> out;
      case GZIP -> new GZIPOutputStream(out, 1 << 16);
      case ZSTD -> new ZstdOutputStream(out);
    };
  }
}

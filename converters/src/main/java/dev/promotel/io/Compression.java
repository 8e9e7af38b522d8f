package dev.promotel.io;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * A whole-stream compression. Inputs are recognised by their magic bytes only, never by the
 * extension ({@code dump.prom} that holds gzip data is read as gzip); outputs take the {@code
 * --compress} id or, failing that, the {@code -o} file's extension. Every decompressor reads
 * concatenated members/frames/streams ({@code cat a.gz b.gz > ab.gz}) as one stream.
 *
 * <p>Magic bytes: gzip {@code 1F 8B}, zstd {@code 28 B5 2F FD}, xz {@code FD 37 7A 58 5A 00}, bzip2
 * {@code "BZh"}, a block size digit and a block or end-of-stream magic.
 */
public enum Compression {
  NONE("none", "", List.of()),
  GZIP("gzip", ".gz", List.of("gz")),
  ZSTD("zstd", ".zst", List.of("zst")),
  XZ("xz", ".xz", List.of()),
  BZIP2("bzip2", ".bz2", List.of("bz2"));

  /** How many leading bytes {@link #detect} needs at most. */
  public static final int MAGIC_BYTES = 10;

  /** The xz decoder refuses streams whose dictionary would need more memory than this. */
  static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;

  private static final int ZSTD_LEVEL = 3;

  /**
   * xz's own default (6) wrote a 12 MB metric dump at 1 MB/s here; preset 1 ran at 32 MB/s and
   * still beat gzip's size by half. Users wanting the last 30% can recompress with {@code xz -9}.
   */
  private static final int XZ_PRESET = 1;

  private static final int BUFFER = 64 * 1024;

  private final String id;
  private final String extension;
  private final List<String> aliases;

  Compression(String id, String extension, List<String> aliases) {
    this.id = id;
    this.extension = extension;
    this.aliases = aliases;
  }

  /** The id used by {@code --compress} and in messages: {@code none}, {@code gzip}, ... */
  public String id() {
    return id;
  }

  /** The conventional file extension with its dot ({@code .gz}); empty for {@link #NONE}. */
  public String extension() {
    return extension;
  }

  /** The compression named by a {@code --compress} value (id or alias, case-insensitive). */
  public static Compression fromId(String idOrAlias) {
    String wanted = idOrAlias.toLowerCase(Locale.ROOT);
    for (Compression c : values()) {
      if (c.id.equals(wanted) || c.aliases.contains(wanted)) return c;
    }
    List<String> known = new ArrayList<>();
    for (Compression c : values()) known.add(c.id);
    throw new IllegalArgumentException(
        "unknown compression '" + idOrAlias + "'; expected one of " + String.join(", ", known));
  }

  /** The compression a file name's extension suggests ({@code out.prom.zst} is zstd), if any. */
  public static Optional<Compression> fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    for (Compression c : values()) {
      if (c != NONE && name.endsWith(c.extension)) return Optional.of(c);
    }
    return Optional.empty();
  }

  /**
   * The output compression: the explicit {@code --compress} value if given, else the one the {@code
   * -o} file's extension suggests, else {@link #NONE}. Standard output ({@code null} or {@code -})
   * is uncompressed unless asked.
   *
   * @param explicit the {@code --compress} value, or {@code null} when the flag was not given
   * @param outputArgument the {@code -o} value, or {@code null} when the flag was not given
   */
  public static Compression forOutput(Compression explicit, String outputArgument) {
    if (explicit != null) return explicit;
    if (outputArgument == null || outputArgument.equals("-")) return NONE;
    return fromFileName(outputArgument).orElse(NONE);
  }

  /**
   * Detects the compression from the first {@code length} bytes of an input; anything without a
   * known magic, including an empty input, is {@link #NONE}.
   */
  public static Compression detect(byte[] head, int length) {
    if (startsWith(head, length, 0x1F, 0x8B)) return GZIP;
    if (startsWith(head, length, 0x28, 0xB5, 0x2F, 0xFD)) return ZSTD;
    if (startsWith(head, length, 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00)) return XZ;
    if (isBzip2(head, length)) return BZIP2;
    return NONE;
  }

  /**
   * "BZh" alone could start a text line, so bzip2 also needs the block size digit and the 48-bit
   * magic of the first block (pi) or of the end of stream (sqrt(pi), for an empty input).
   */
  private static boolean isBzip2(byte[] head, int length) {
    if (!startsWith(head, length, 'B', 'Z', 'h') || length < 10) return false;
    if (head[3] < '1' || head[3] > '9') return false;
    return startsWithAt(head, 4, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59)
        || startsWithAt(head, 4, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90);
  }

  private static boolean startsWith(byte[] head, int length, int... magic) {
    return length >= magic.length && startsWithAt(head, 0, magic);
  }

  private static boolean startsWithAt(byte[] head, int offset, int... magic) {
    for (int i = 0; i < magic.length; i++) {
      if ((head[offset + i] & 0xFF) != magic[i]) return false;
    }
    return true;
  }

  /**
   * Wraps {@code in} in this compression's decoder. The decoder may read the stream's header right
   * away, so corrupt data can fail here already.
   */
  InputStream decompress(InputStream in) throws IOException {
    return switch (this) {
      case NONE -> in;
        // commons-compress rather than the JDK: JDK 17's GZIPInputStream decides whether another
        // member follows by asking available(), which is 0 on a slow pipe, and silently stops.
      case GZIP ->
          GzipCompressorInputStream.builder()
              .setInputStream(in)
              .setDecompressConcatenated(true)
              .get();
      case ZSTD -> new ZstdInputStreamNoFinalizer(in);
      case XZ -> new XZInputStream(in, XZ_MEMORY_LIMIT_KIB);
      case BZIP2 -> new BZip2CompressorInputStream(in, /* decompressConcatenated= */ true);
    };
  }

  /**
   * Wraps {@code out} in this compression's encoder; closing the encoder writes the trailer and
   * closes {@code out}.
   */
  OutputStream compress(OutputStream out) throws IOException {
    return switch (this) {
      case NONE -> out;
      case GZIP -> new GZIPOutputStream(out, BUFFER);
      case ZSTD -> new ZstdOutputStreamNoFinalizer(out, ZSTD_LEVEL);
      case XZ -> new XZOutputStream(out, new LZMA2Options(XZ_PRESET));
      case BZIP2 -> new BZip2CompressorOutputStream(out);
    };
  }
}

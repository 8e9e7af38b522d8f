package dev.promotel.io;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limits against decompression bombs, enforced while a compressed input is read (uncompressed
 * inputs are not limited here; the format readers' own limits apply to them).
 *
 * <ul>
 *   <li>{@code maxRatio}: decompressed bytes may be at most this many times the compressed bytes
 *       read so far. Checked only once the decompressed output exceeds {@code ratioFloorBytes},
 *       because small, repetitive metric dumps legitimately compress 100:1 and more.
 *   <li>{@code maxTotalBytes}: the decompressed size of one input; {@link #UNLIMITED} by default.
 * </ul>
 *
 * Exceeding either raises an {@link InputLimitException} naming {@link #RATIO_FLAG} or {@link
 * #SIZE_FLAG}. Example: {@code new DecompressionLimits(200, 16 << 20, UNLIMITED)} (the defaults)
 * stops a 1 GiB-of-zeros gzip file after about 16 MiB.
 *
 * @param maxRatio largest accepted decompressed/compressed ratio; positive, may be infinite
 * @param ratioFloorBytes decompressed size below which the ratio is not checked; not negative
 * @param maxTotalBytes largest accepted decompressed size; positive
 */
public record DecompressionLimits(double maxRatio, long ratioFloorBytes, long maxTotalBytes) {
  public static final long UNLIMITED = Long.MAX_VALUE;
  public static final double DEFAULT_MAX_RATIO = 200;
  public static final long DEFAULT_RATIO_FLOOR_BYTES = 16L << 20;

  /** The flag that raises {@code maxRatio}; the CLI defines it under this name. */
  public static final String RATIO_FLAG = "--max-decompression-ratio";

  /** The flag that raises {@code maxTotalBytes}; the CLI defines it under this name. */
  public static final String SIZE_FLAG = "--max-decompressed-size";

  public static final DecompressionLimits DEFAULTS =
      new DecompressionLimits(DEFAULT_MAX_RATIO, DEFAULT_RATIO_FLOOR_BYTES, UNLIMITED);

  /** No limits at all, for trusted inputs. */
  public static final DecompressionLimits NONE =
      new DecompressionLimits(Double.POSITIVE_INFINITY, 0, UNLIMITED);

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)");

  public DecompressionLimits {
    if (!(maxRatio > 0)) throw new IllegalArgumentException("the ratio limit must be positive");
    if (ratioFloorBytes < 0)
      throw new IllegalArgumentException("the ratio floor must not be negative");
    if (maxTotalBytes <= 0) throw new IllegalArgumentException("the size limit must be positive");
  }

  public DecompressionLimits withMaxRatio(double ratio) {
    return new DecompressionLimits(ratio, ratioFloorBytes, maxTotalBytes);
  }

  public DecompressionLimits withMaxTotalBytes(long bytes) {
    return new DecompressionLimits(maxRatio, ratioFloorBytes, bytes);
  }

  /**
   * Parses a size flag value: a number of bytes with an optional binary suffix ({@code 512}, {@code
   * 64k}, {@code 16MiB}, {@code 2G}; k, m, g, t are powers of 1024) or {@code unlimited}.
   *
   * @throws IllegalArgumentException with a message fit for a usage error
   */
  public static long parseSize(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("unlimited")) return UNLIMITED;
    Matcher m = SIZE.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid size '" + text + "'; expected e.g. 512, 64k, 16MiB, 2G or unlimited");
    }
    int shift =
        switch (m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0)) {
          case 'k' -> 10;
          case 'm' -> 20;
          case 'g' -> 30;
          case 't' -> 40;
          default -> 0;
        };
    try {
      long n = Long.parseLong(m.group(1));
      if (n == 0 || Long.numberOfLeadingZeros(n) <= shift) throw new NumberFormatException();
      return n << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size '" + text + "' must be positive and below 8 EiB");
    }
  }

  /** A byte count for messages: {@code 812 B}, {@code 81.9 KiB}, {@code 16.0 MiB}. */
  static String formatBytes(long bytes) {
    if (bytes < 1024) return bytes + " B";
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}

package dev.promotel.format.openmetrics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Metric and label names (ASCII bytes the lexer has checked) turned into Strings through a small
 * direct-mapped cache, so the few distinct names of an input are each allocated about once, not
 * once per line, and later comparisons of equal names are mostly identity checks. Memory is fixed:
 * a name longer than {@link #MAX_CACHED} bytes, or one whose slot another name holds, is simply
 * created anew.
 *
 * <p>Example: the {@code instance} of a million sample lines comes back as one String.
 */
final class AsciiNames {
  private static final int SLOTS = 1024;
  private static final int MAX_CACHED = 128;

  private final byte[][] bytes = new byte[SLOTS][];
  private final String[] strings = new String[SLOTS];

  /** The name in bytes [from, to); {@code hash} is 31·h + byte over them, from 0. */
  String get(byte[] b, int from, int to, int hash) {
    int n = to - from;
    if (n > MAX_CACHED) return new String(b, from, n, StandardCharsets.ISO_8859_1);
    int h = hash * 0x9E3779B9;
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    byte[] cached = bytes[slot];
    if (cached != null && Arrays.equals(cached, 0, cached.length, b, from, to)) {
      return strings[slot];
    }
    String s = new String(b, from, n, StandardCharsets.ISO_8859_1);
    bytes[slot] = Arrays.copyOfRange(b, from, to);
    strings[slot] = s;
    return s;
  }
}

package dev.promotel.format.internal;

/**
 * UTF-8 validation that also says where the first bad byte is, for positioned errors: no overlong
 * forms, surrogates or values past U+10FFFF.
 *
 * <p>Internal: public only for the format packages; may change at any time.
 */
public final class Utf8 {
  private Utf8() {}

  /** Index of the first byte of the first malformed sequence in {@code [from, to)}, or -1. */
  public static int firstInvalid(byte[] b, int from, int to) {
    int i = from;
    // ASCII is the norm in expositions: skip it with the cheapest possible loop.
    while (i < to && b[i] >= 0) i++;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = 0x10000;
      } else {
        return i;
      }
      int cp = c & (0x3F >> need);
      for (int k = 1; k <= need; k++) {
        if (i + k >= to) return i;
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) return i;
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
      i += need + 1;
    }
    return -1;
  }
}

package dev.promotel.format.otlp;

/**
 * Guesses how an OTLP protobuf input is framed from a bounded look-ahead window (translation.md
 * §11): if the first 4 bytes, read as a big-endian length, chain through the input exactly, it is
 * u32be; else if varint lengths chain exactly, varint-delimited; else one raw message.
 *
 * <p>The window is bounded, so for inputs longer than it the chain is checked only as far as the
 * window reaches: a framing whose every frame header inside the window is plausible (length within
 * the limit, payload starting like an {@code ExportMetricsServiceRequest}: empty, tag {@code 0x0A}
 * or, for u32be, the zstd magic) is accepted, and a later frame that breaks the chain fails with a
 * positioned error while reading. A raw message cannot pass as u32be under the default 64 MiB limit:
 * its first byte is a tag (at least {@code 0x08}), which as the high byte of a length means at least
 * 128 MiB. An exact chain always wins over one that merely runs past the window. When no chain
 * holds and the first byte cannot start a message (field number 0), u32be is assumed so that the
 * error names the broken frame.
 */
final class PbFramingDetector {
  /** The framing of an input. */
  enum Framing {
    NONE,
    U32BE,
    VARINT
  }

  private enum Chain {
    EXACT,
    PLAUSIBLE,
    BROKEN
  }

  private PbFramingDetector() {}

  /**
   * The framing of an input whose first {@code length} bytes are {@code window}; {@code
   * endOfInput} says that the input ends right after them.
   */
  static Framing detect(byte[] window, int length, boolean endOfInput, long maxFrameBytes) {
    if (length == 0) return Framing.NONE;
    Chain u32 = u32Chain(window, length, endOfInput, maxFrameBytes);
    if (u32 == Chain.EXACT) return Framing.U32BE;
    Chain varint = varintChain(window, length, endOfInput, maxFrameBytes);
    // A small raw request can also read as an exact varint chain (its first ResourceMetrics 10
    // bytes long, say). A real delimited stream almost never walks as a raw request's records
    // (tag 0x0A, length, payload, to the exact end), so when both walk exactly, raw wins.
    if (varint == Chain.EXACT && !isExactRawRequest(window, length, endOfInput)) {
      return Framing.VARINT;
    }
    if (varint == Chain.EXACT) return Framing.NONE;
    if (u32 == Chain.PLAUSIBLE) return Framing.U32BE;
    if (varint == Chain.PLAUSIBLE) return Framing.VARINT;
    // A first byte below 0x08 has field number 0, which no message starts with; the Collector's
    // u32be is then the likely framing, and reading it names the frame at fault (truncated, or
    // over the limit) instead of reporting an invalid tag at byte 0.
    if ((window[0] & 0xFF) < 0x08) return Framing.U32BE;
    return Framing.NONE;
  }

  private static Chain u32Chain(byte[] b, int n, boolean eof, long max) {
    long at = 0;
    while (true) {
      if (at == n) return eof ? Chain.EXACT : Chain.PLAUSIBLE;
      if (at + 4 > n) return eof ? Chain.BROKEN : Chain.PLAUSIBLE;
      int i = (int) at;
      long len =
          ((b[i] & 0xFFL) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8)
              | (b[i + 3] & 0xFF);
      if (len > max || !plausiblePayload(b, n, i + 4, len, /* zstd= */ true)) return Chain.BROKEN;
      at += 4 + len;
      if (at > n) return eof ? Chain.BROKEN : Chain.PLAUSIBLE;
    }
  }

  private static Chain varintChain(byte[] b, int n, boolean eof, long max) {
    long at = 0;
    while (true) {
      if (at == n) return eof ? Chain.EXACT : Chain.PLAUSIBLE;
      int i = (int) at;
      long len = 0;
      int shift = 0;
      while (true) {
        if (i >= n) return eof ? Chain.BROKEN : Chain.PLAUSIBLE;
        if (shift > 35) return Chain.BROKEN;
        byte x = b[i++];
        len |= (long) (x & 0x7F) << shift;
        shift += 7;
        if (x >= 0) break;
      }
      if (len > max || !plausiblePayload(b, n, i, len, /* zstd= */ false)) return Chain.BROKEN;
      at = i + len;
      if (at > n) return eof ? Chain.BROKEN : Chain.PLAUSIBLE;
    }
  }

  /** Whether the whole input is a sequence of field-1 records (tag 0x0A, varint length, bytes). */
  private static boolean isExactRawRequest(byte[] b, int n, boolean eof) {
    if (!eof) return false;
    int at = 0;
    while (at < n) {
      if (b[at++] != 0x0A) return false;
      long len = 0;
      int shift = 0;
      while (true) {
        if (at >= n || shift > 35) return false;
        byte x = b[at++];
        len |= (long) (x & 0x7F) << shift;
        shift += 7;
        if (x >= 0) break;
      }
      if (len > n - at) return false;
      at += (int) len;
    }
    return true;
  }

  /** Empty, or (as far as the window shows) a request's first tag or a zstd frame. */
  private static boolean plausiblePayload(byte[] b, int n, int at, long len, boolean zstd) {
    if (len == 0 || at >= n) return true;
    if (b[at] == 0x0A) return true;
    return zstd && len >= 4 && isZstdMagic(b, at, n);
  }

  /** Whether {@code b[at..]} starts with the zstd frame magic {@code 28 B5 2F FD} (as far as seen). */
  static boolean isZstdMagic(byte[] b, int at, int n) {
    byte[] magic = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
    for (int k = 0; k < 4; k++) {
      if (at + k >= n) return k > 0;
      if (b[at + k] != magic[k]) return false;
    }
    return true;
  }
}

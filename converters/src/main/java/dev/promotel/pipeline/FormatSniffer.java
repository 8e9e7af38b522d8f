package dev.promotel.pipeline;

import dev.promotel.format.Format;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Detects the format of a decompressed input from its first {@value #HEAD_BYTES} bytes (see
 * {@link Format#sniff}) without consuming them: the returned stream still starts at byte 0.
 *
 * <p>Example: an input beginning {@code # TYPE build info\n} is {@link Format#OM}; {@code
 * up 1\n} in {@code node.prom} is {@link Format#PROM}.
 */
public final class FormatSniffer {
  /** Enough for several families' HELP/TYPE/UNIT lines, small enough to block briefly on pipes. */
  public static final int HEAD_BYTES = 16 * 1024;

  private FormatSniffer() {}

  /** The detected format and the stream to read the whole input from (head included). */
  public record Detected(Format format, InputStream stream) {}

  /**
   * Peeks at the head of {@code in} and guesses its format; {@code fileName} (may be null for
   * stdin) only breaks ties.
   */
  public static Detected detect(InputStream in, String fileName) throws IOException {
    InputStream stream = in.markSupported() ? in : new BufferedInputStream(in, HEAD_BYTES * 4);
    stream.mark(HEAD_BYTES);
    byte[] head = new byte[HEAD_BYTES];
    int length = stream.readNBytes(head, 0, HEAD_BYTES);
    stream.reset();
    return new Detected(Format.sniff(head, length, fileName), stream);
  }
}

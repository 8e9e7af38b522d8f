package dev.promotel.io;

/**
 * A decompression limit was exceeded: the input is treated as invalid (exit {@value
 * PromotelIOException#EXIT_INVALID_INPUT}), and the message names the flag that raises the limit,
 * e.g. {@code bomb.gz: gzip data expands more than 200 times (16.0 MiB from 81.9 KiB); if the input
 * is trusted, raise --max-decompression-ratio}.
 */
public final class InputLimitException extends PromotelIOException {
  private final String flag;

  InputLimitException(String message, String flag) {
    super(message, EXIT_INVALID_INPUT);
    this.flag = flag;
  }

  /**
   * The command-line flag that raises the exceeded limit, e.g. {@code --max-decompression-ratio}.
   */
  public String flag() {
    return flag;
  }
}

package dev.promotel.lint;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the suppression comments of a Prometheus text dump while the reader streams it, so a
 * 100 MB dump is read once: it counts lines and looks only at lines that start with {@code #}
 * (0.0.4 has no trailing comments). A {@code disable-next-line} waits for the next line that is
 * not a comment.
 */
final class SuppressionTap extends FilterInputStream {
  private static final int MAX_COMMENT = 1024;

  private final String source;
  private final List<Suppression> found = new ArrayList<>();
  private final List<Suppression> pending = new ArrayList<>();
  private long line = 1;
  private boolean lineStart = true;
  private boolean capturing;
  private final byte[] comment = new byte[MAX_COMMENT];
  private int length;

  SuppressionTap(InputStream in, String source) {
    super(in);
    this.source = source;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) observe(b);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    int n = super.read(buffer, offset, count);
    for (int i = offset; i < offset + n; i++) {
      byte b = buffer[i];
      // Most bytes are neither a line break nor part of a comment: keep that path short.
      if (b != '\n' && !lineStart && !capturing) continue;
      observe(b & 0xff);
    }
    return n;
  }

  private void observe(int b) {
    if (b == '\n') {
      if (capturing) finishComment();
      line++;
      lineStart = true;
      capturing = false;
      return;
    }
    if (lineStart) {
      lineStart = false;
      if (b == '#') {
        capturing = true;
        length = 0;
      } else if (!pending.isEmpty()) {
        for (Suppression s : pending) found.add(s.withTarget(line));
        pending.clear();
      }
    }
    if (capturing && length < MAX_COMMENT) comment[length++] = (byte) b;
  }

  private void finishComment() {
    String text = new String(comment, 0, length, StandardCharsets.UTF_8);
    Optional<Suppression> s = Suppression.parse(source, line, text);
    if (s.isEmpty()) return;
    if (s.get().scope() == Suppression.Scope.NEXT_LINE) pending.add(s.get());
    else found.add(s.get());
  }

  /** The suppressions seen so far (call after the reader finished). */
  List<Suppression> suppressions() {
    if (capturing) {
      finishComment();
      capturing = false;
    }
    List<Suppression> out = new ArrayList<>(found);
    for (Suppression s : pending) out.add(s.withTarget(line + 1));
    return out;
  }
}

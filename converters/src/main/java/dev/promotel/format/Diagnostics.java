package dev.promotel.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss report: what a conversion could not carry into its target (losses) and what it changed
 * on the way (notes), counted per stable code. Readers, writers and transforms all report here;
 * the CLI prints the summary on stderr, writes it as JSON with {@code --report}, and exits 1 under
 * {@code --strict} when {@link #hasLosses()}.
 *
 * <p>Thread-safe: a reader running ahead on its own thread reports here too.
 *
 * <p>Example: {@code loss("exemplar-dropped", "exemplars dropped: Prometheus text 0.0.4 cannot
 * carry exemplars")} counted 12 times prints as {@code 12 exemplars dropped: ...}.
 */
public final class Diagnostics {
  /** Whether an entry lost data or only changed its shape. */
  public enum Kind {
    LOSS,
    NOTE
  }

  /** One code's total; {@code message} is the first message reported under the code. */
  public record Entry(Kind kind, String code, String message, long count) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Counts one item that could not be carried into the target. */
  public synchronized void loss(String code, String message) {
    add(Kind.LOSS, code, message, 1);
  }

  public synchronized void loss(String code, String message, long count) {
    add(Kind.LOSS, code, message, count);
  }

  /** Counts one change that kept the data but altered its shape (a rename, a type change). */
  public synchronized void note(String code, String message) {
    add(Kind.NOTE, code, message, 1);
  }

  /** Counts {@code count} changes at once (a transform's total). */
  public synchronized void note(String code, String message, long count) {
    add(Kind.NOTE, code, message, count);
  }

  private synchronized void add(Kind kind, String code, String message, long count) {
    if (count <= 0) return;
    entries.merge(
        code,
        new Entry(kind, code, message, count),
        (old, add) -> new Entry(old.kind(), code, old.message(), old.count() + add.count()));
  }

  public synchronized boolean hasLosses() {
    return entries.values().stream().anyMatch(e -> e.kind() == Kind.LOSS);
  }

  public synchronized boolean isEmpty() {
    return entries.isEmpty();
  }

  public synchronized List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  public synchronized long count(String code) {
    Entry e = entries.get(code);
    return e == null ? 0 : e.count();
  }
}

package dev.promotel.lint;

/**
 * A group of dump rules that sees each family of one dump in order and may report at the end.
 * Implementations keep per-family state only while that family streams, and bounded dump-wide
 * state (capped, with a {@code lint/counting-stopped} note when a cap is hit).
 */
interface DumpRule {
  void family(DumpFamily family);

  /** The family last seen (all its chunks) has ended. */
  default void familyEnd() {}

  /** The dump has ended (normally or at a parse error). */
  default void end() {}
}

package dev.promotel.lint;

/** Where rules put their findings; the lint engine applies config, suppressions and baseline. */
@FunctionalInterface
public interface FindingSink {
  void report(Finding finding);
}

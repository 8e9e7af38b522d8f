package dev.promotel.lint.report;

import dev.promotel.lint.LintResult;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link LintResult} in one output format (UTF-8). */
public interface LintReporter {
  void write(LintResult result, OutputStream out) throws IOException;
}

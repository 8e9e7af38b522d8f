package dev.promotel.cli;

import dev.promotel.translate.semconv.Registry;
import dev.promotel.translate.semconv.RuleLoader;
import dev.promotel.translate.semconv.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the rule sets a command names: a path to a rule file, or the id of a bundled set
 * ({@code node-exporter}), shared by {@code rename} and {@code rules}. A file that does not exist
 * and is no bundled id is a usage error naming the bundled ids.
 */
final class RuleSources {
  private RuleSources() {}

  /** Every bundled set, in index order. */
  static List<RuleSet> bundled() throws IOException {
    return new RuleLoader(Registry.bundled()).bundled();
  }

  /** The sets named by {@code refs} (files or bundled ids), in order. */
  static List<RuleSet> resolve(List<String> refs) throws IOException {
    List<RuleSet> out = new ArrayList<>();
    if (refs.isEmpty()) return out;
    List<RuleSet> bundled = null;
    RuleLoader userLoader = new RuleLoader(Registry.bundled(), RuleLoader.USER_PRIORITY);
    for (String ref : refs) {
      Path file = Path.of(ref);
      if (Files.isRegularFile(file)) {
        out.add(userLoader.load(file));
        continue;
      }
      if (bundled == null) bundled = bundled();
      RuleSet hit = null;
      for (RuleSet s : bundled) if (s.id().equals(ref)) hit = s;
      if (hit == null) {
        List<String> ids = new ArrayList<>();
        for (RuleSet s : bundled) ids.add(s.id());
        throw new ExitException(ExitCodes.USAGE, ref + ": no such rule file or bundled rule set (bundled: "
            + String.join(", ", ids) + ")");
      }
      out.add(hit);
    }
    return out;
  }
}

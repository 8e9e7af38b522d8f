package dev.promotel.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.promotel.format.Format;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * promlint parity: {@code promtool check metrics < dump} prints one line per problem ({@code
 * <metric> <text>}, exit 3 when there is any); each distinct line must correspond to exactly one
 * of our findings of the promlint rules, and each of those findings to a line. Runs promtool, so
 * it is skipped (with a message) where promtool is not on PATH; .ci/run installs it.
 *
 * <p>Mapping (promlint text → our rule and detail): "no help text" → dump/missing-help; "use base
 * unit" → name/base-unit; counter "_total" → name/counter-total; non-counter "_total", "_bucket",
 * "_count", "_sum" suffixes and "le"/"quantile" labels → dump/reserved-suffix with that suffix or
 * label; "should not include type 'T'" → name/type-in-name T; ':' → name/colon; camelCase metric
 * and label names → name/snake-case (promlint prints the label line once per series, we once per
 * family and label); abbreviated units → name/unit-abbrev; "metric not unique" (newer promtool
 * versions) → dump/duplicate-series.
 */
class PromlintParityTest {
  private static final Set<String> PROMLINT_RULES = Set.of("dump/missing-help", "name/base-unit",
      "name/counter-total", "dump/reserved-suffix", "name/type-in-name", "name/colon",
      "name/snake-case", "name/unit-abbrev", "dump/duplicate-series");
  private static final Pattern TYPE = Pattern.compile("metric name should not include type '(.+)'");
  private static final Pattern SUFFIX = Pattern.compile("should not have \"(_\\w+)\" suffix");
  private static final Pattern LABEL = Pattern.compile("should not have \"(\\w+)\" label");

  @ParameterizedTest
  @ValueSource(strings = {"names.prom", "reserved.prom", "untyped.prom", "clean.prom"})
  void promtoolAndLintReportTheSameProblems(String dump) throws Exception {
    Path promtool = onPath("promtool");
    assumeTrue(promtool != null, "promtool is not on PATH: promlint parity not checked");
    Path file = Path.of("src/test/resources/lint/promlint", dump);
    Process p = new ProcessBuilder(promtool.toString(), "check", "metrics")
        .redirectInput(file.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Set<String> theirs = new TreeSet<>();
    for (String line : output.split("\n")) {
      if (line.isBlank()) continue;
      int space = line.indexOf(' ');
      theirs.add(line.substring(0, space) + " " + key(line.substring(space + 1)));
    }
    assertThat(p.exitValue()).isEqualTo(theirs.isEmpty() ? 0 : 3);

    Set<String> ours = new TreeSet<>();
    List<Finding> findings =
        Lints.dump(Files.readString(file), Format.PROM);
    for (Finding f : findings) {
      if (PROMLINT_RULES.contains(f.ruleId())) {
        String previous = f.subject() + f.ruleId();
        assertThat(ours.add(ourKey(f))).as("one finding per problem: " + previous).isTrue();
      }
    }
    assertThat(ours).isEqualTo(theirs);
  }

  /** Our finding as "metric rule[:detail]", the detail from the subject (family/detail). */
  private static String ourKey(Finding f) {
    String subject = f.subject();
    int slash = subject.indexOf('/');
    String metric = slash < 0 ? subject : subject.substring(0, slash);
    String detail = slash < 0 ? "" : subject.substring(slash + 1);
    return switch (f.ruleId()) {
      case "name/snake-case" -> metric + " name/snake-case:" + (slash < 0 ? "metric" : "label");
      case "dump/reserved-suffix", "name/type-in-name" -> metric + " " + f.ruleId() + ":" + detail;
      case "dump/duplicate-series" -> metric.replaceAll("\\{.*", "") + " " + f.ruleId();
      default -> metric + " " + f.ruleId();
    };
  }

  /** A promlint problem text as "rule[:detail]". */
  static String key(String text) {
    Matcher m;
    if (text.equals("no help text")) return "dump/missing-help";
    if (text.startsWith("use base unit")) return "name/base-unit";
    if (text.startsWith("counter metrics should have")) return "name/counter-total";
    if ((m = SUFFIX.matcher(text)).find()) return "dump/reserved-suffix:" + m.group(1);
    if ((m = LABEL.matcher(text)).find()) return "dump/reserved-suffix:" + m.group(1);
    if ((m = TYPE.matcher(text)).find()) return "name/type-in-name:" + m.group(1);
    if (text.equals("metric names should not contain ':'")) return "name/colon";
    if (text.startsWith("metric names should be written in 'snake_case'")) return "name/snake-case:metric";
    if (text.startsWith("label names should be written in 'snake_case'")) return "name/snake-case:label";
    if (text.equals("metric names should not contain abbreviated units")) return "name/unit-abbrev";
    if (text.equals("metric not unique")) return "dump/duplicate-series";
    throw new AssertionError("a promlint message without a mapping: " + text);
  }

  private static Path onPath(String tool) throws IOException {
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) return candidate;
    }
    return null;
  }
}

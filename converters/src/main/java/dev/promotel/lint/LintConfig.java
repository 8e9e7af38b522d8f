package dev.promotel.lint;

import dev.promotel.yaml.ConfigException;
import dev.promotel.yaml.YamlLoader;
import dev.promotel.yaml.YamlMapping;
import dev.promotel.yaml.YamlNode;
import dev.promotel.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lint config, {@code .promotel-lint.yaml} (specs/lint.md §7): identity, thresholds, per-rule
 * {@code severity} ({@code off|info|warning|error}), {@code options} and {@code locked}, path
 * {@code overrides}, {@code inputs}, {@code baseline} and {@code failOn}. Unknown keys and unknown
 * rule ids are {@link ConfigException}s at their line and column (exit 2).
 *
 * <p>Example: {@code rules: {name/type-in-name: {severity: off}}}.
 */
public final class LintConfig {
  /** The name looked for by {@link #discover}. */
  public static final String FILE_NAME = ".promotel-lint.yaml";

  /** One rule's settings; {@code severity} empty = the rule's default, {@code off} = disabled. */
  record RuleSetting(Optional<String> severity, Optional<YamlMapping> options, boolean locked) {}

  /** A path override: rules whose severity changes for files matching a glob. */
  record Override(PathMatcher matcher, String glob, Map<String, String> severities) {}

  /** An input named by the config: a glob under the config's directory, optionally a forced kind. */
  public record Input(String glob, Optional<String> kind) {}

  private final Optional<Path> file;
  private final LintContext context;
  private final Map<String, RuleSetting> rules;
  private final List<Override> overrides;
  private final List<Input> inputs;
  private final Optional<String> baseline;
  private final Optional<String> failOn;

  private LintConfig(Optional<Path> file, LintContext context, Map<String, RuleSetting> rules,
      List<Override> overrides, List<Input> inputs, Optional<String> baseline,
      Optional<String> failOn) {
    this.file = file;
    this.context = context;
    this.rules = rules;
    this.overrides = overrides;
    this.inputs = inputs;
    this.baseline = baseline;
    this.failOn = failOn;
  }

  /** No config file: the spec's defaults. */
  public static LintConfig defaults() {
    return new LintConfig(Optional.empty(), LintContext.defaults(), Map.of(), List.of(), List.of(),
        Optional.empty(), Optional.empty());
  }

  /**
   * {@code .promotel-lint.yaml} in {@code start} or the nearest parent, stopping at the repository
   * root (the first directory holding {@code .git}); empty when there is none.
   */
  public static Optional<Path> discover(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) return Optional.of(candidate);
      if (Files.exists(dir.resolve(".git"))) return Optional.empty();
    }
    return Optional.empty();
  }

  /** Reads a config; {@code knownRules} are the ids it may name. */
  public static LintConfig load(Path path, Set<String> knownRules) throws IOException {
    return parse(Optional.of(path), YamlLoader.load(path), knownRules);
  }

  /** Parses config text (tests; {@code name} prefixes positions). */
  public static LintConfig parse(String name, String text, Set<String> knownRules) throws IOException {
    return parse(Optional.empty(), YamlLoader.load(name, text), knownRules);
  }

  private static LintConfig parse(Optional<Path> file, YamlNode root, Set<String> knownRules)
      throws ConfigException {
    YamlMapping top = root.asMapping();
    top.checkKeys(List.of("version", "inputs", "identity", "thresholds", "rules", "overrides",
        "baseline", "failOn"));
    Optional<YamlNode> version = top.get("version");
    if (version.isPresent() && version.get().asScalar().asLong() != 1) {
      throw version.get().error("expected version 1, got " + version.get().asScalar().text());
    }
    IdentityConfig identity = top.get("identity").isPresent()
        ? identity(top.get("identity").get().asMapping()) : IdentityConfig.defaults();
    Thresholds thresholds = top.get("thresholds").isPresent()
        ? thresholds(top.get("thresholds").get().asMapping()) : Thresholds.defaults();
    Map<String, RuleSetting> rules = new LinkedHashMap<>();
    Map<String, YamlMapping> options = new HashMap<>();
    Set<String> disabled = new HashSet<>();
    boolean defaultEnabled = true;
    if (top.get("rules").isPresent()) {
      for (YamlMapping.Entry e : top.get("rules").get().asMapping().entries()) {
        String id = e.key().asString();
        YamlMapping m = e.value().asMapping();
        if (id.equals("default")) {
          m.checkKeys(List.of("enabled"));
          defaultEnabled = bool(m, "enabled", true);
          continue;
        }
        checkRule(e.key(), id, knownRules);
        m.checkKeys(List.of("severity", "enabled", "options", "locked"));
        Optional<String> severity = Optional.empty();
        if (m.get("severity").isPresent()) severity = Optional.of(m.get("severity").get().asScalar().text());
        if (severity.isPresent()) checkSeverity(m.get("severity").get(), severity.get(), true);
        boolean enabled = bool(m, "enabled", true);
        if (!enabled) severity = Optional.of("off");
        Optional<YamlMapping> opts = m.get("options").isPresent()
            ? Optional.of(m.get("options").get().asMapping()) : Optional.empty();
        opts.ifPresent(o -> options.put(id, o));
        boolean locked = bool(m, "locked", false);
        rules.put(id, new RuleSetting(severity, opts, locked));
        if (severity.filter("off"::equals).isPresent()) disabled.add(id);
      }
    }
    if (!defaultEnabled) {
      for (String id : knownRules) {
        RuleSetting s = rules.get(id);
        if (s == null || s.severity().isEmpty()) {
          disabled.add(id);
          rules.put(id, new RuleSetting(Optional.of("off"), Optional.empty(), false));
        }
      }
    }
    List<Override> overrides = new ArrayList<>();
    if (top.get("overrides").isPresent()) {
      for (YamlNode o : top.get("overrides").get().asSequence()) {
        YamlMapping m = o.asMapping();
        m.checkKeys(List.of("match", "rules"));
        YamlMapping match = m.require("match").asMapping();
        match.checkKeys(List.of("path"));
        String glob = match.require("path").asScalar().asString();
        Map<String, String> severities = new LinkedHashMap<>();
        for (YamlMapping.Entry e : m.require("rules").asMapping().entries()) {
          String id = e.key().asString();
          checkRule(e.key(), id, knownRules);
          YamlMapping r = e.value().asMapping();
          r.checkKeys(List.of("severity"));
          YamlNode sev = r.require("severity");
          checkSeverity(sev, sev.asScalar().text(), true);
          severities.put(id, sev.asScalar().text());
        }
        overrides.add(new Override(FileSystems.getDefault().getPathMatcher("glob:" + glob), glob,
            severities));
      }
    }
    List<Input> inputs = new ArrayList<>();
    if (top.get("inputs").isPresent()) {
      YamlNode node = top.get("inputs").get();
      // Either a list, or the §7 shape grouped by role (metrics, scrape, logs, grafana).
      List<YamlNode> entries = new ArrayList<>();
      if (node instanceof YamlMapping groups) {
        for (YamlMapping.Entry g : groups.entries()) entries.addAll(g.value().asSequence().items());
      } else {
        entries.addAll(node.asSequence().items());
      }
      for (YamlNode i : entries) {
        YamlMapping m = i.asMapping();
        m.checkKeys(List.of("path", "kind", "format"));
        Optional<YamlNode> kindNode = m.get("kind").or(() -> m.get("format"));
        Optional<String> kind = Optional.empty();
        if (kindNode.isPresent()) kind = Optional.of(kindNode.get().asScalar().text());
        inputs.add(new Input(m.require("path").asScalar().asString(), kind));
      }
    }
    Optional<String> baseline = Optional.empty();
    if (top.get("baseline").isPresent()) baseline = Optional.of(top.get("baseline").get().asScalar().asString());
    Optional<String> failOn = Optional.empty();
    if (top.get("failOn").isPresent()) {
      YamlNode n = top.get("failOn").get();
      String v = n.asScalar().text().toLowerCase(Locale.ROOT);
      if (!v.equals("none")) checkSeverity(n, v, false);
      failOn = Optional.of(v);
    }
    LintContext context = new LintContext(identity, thresholds, options, disabled);
    return new LintConfig(file, context, rules, overrides, inputs, baseline, failOn);
  }

  private static boolean bool(YamlMapping m, String key, boolean fallback) throws ConfigException {
    Optional<YamlNode> n = m.get(key);
    return n.isPresent() ? n.get().asScalar().asBoolean() : fallback;
  }

  private static void checkRule(YamlScalar key, String id, Set<String> knownRules)
      throws ConfigException {
    if (knownRules.contains(id)) return;
    String near = nearest(id, knownRules);
    throw key.error("unknown rule id \"" + id + "\"" + (near != null ? " (did you mean \"" + near
        + "\"?)" : "") + "; promotel lint --list-rules lists them");
  }

  static String nearest(String id, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(id, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return bestDistance <= Math.max(2, id.length() / 3) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static Severity checkSeverity(YamlNode node, String value, boolean offAllowed)
      throws ConfigException {
    if (offAllowed && value.equals("off")) return null;
    for (Severity s : Severity.values()) {
      if (s.id().equals(value.toLowerCase(Locale.ROOT))) return s;
    }
    throw node.error("expected a severity (" + (offAllowed ? "off, " : "") + "info, warning, error"
        + (offAllowed ? "" : ", none") + "), got \"" + value + "\"");
  }

  private static IdentityConfig identity(YamlMapping m) throws ConfigException {
    m.checkKeys(List.of("required", "aliases", "valueAliases", "jobFormat"));
    IdentityConfig d = IdentityConfig.defaults();
    List<String> required = m.get("required").isPresent() ? strings(m.get("required").get())
        : d.required();
    Map<String, List<String>> aliases = d.aliases();
    if (m.get("aliases").isPresent()) {
      aliases = new LinkedHashMap<>();
      for (YamlMapping.Entry e : m.get("aliases").get().asMapping().entries()) {
        aliases.put(e.key().asString(), strings(e.value()));
      }
    }
    Map<String, Map<String, List<String>>> valueAliases = d.valueAliases();
    if (m.get("valueAliases").isPresent()) {
      valueAliases = new LinkedHashMap<>();
      for (YamlMapping.Entry e : m.get("valueAliases").get().asMapping().entries()) {
        Map<String, List<String>> byCanonical = new LinkedHashMap<>();
        for (YamlMapping.Entry v : e.value().asMapping().entries()) {
          byCanonical.put(v.key().asString(), strings(v.value()));
        }
        valueAliases.put(e.key().asString(), byCanonical);
      }
    }
    Optional<String> jobFormat = m.get("jobFormat").isPresent()
        ? Optional.of(m.get("jobFormat").get().asScalar().asString()) : Optional.empty();
    return new IdentityConfig(required, aliases, valueAliases, jobFormat);
  }

  private static List<String> strings(YamlNode node) throws ConfigException {
    List<String> out = new ArrayList<>();
    for (YamlNode n : node.asSequence()) out.add(n.asScalar().asString());
    return out;
  }

  private static Thresholds thresholds(YamlMapping m) throws ConfigException {
    m.checkKeys(List.of("familySeries", "expositionSeries", "lokiMaxLabels"));
    Thresholds d = Thresholds.defaults();
    int warning = d.familySeriesWarning();
    int error = d.familySeriesError();
    if (m.get("familySeries").isPresent()) {
      YamlMapping f = m.get("familySeries").get().asMapping();
      f.checkKeys(List.of("warning", "error"));
      if (f.get("warning").isPresent()) warning = (int) f.get("warning").get().asScalar().asLong();
      if (f.get("error").isPresent()) error = (int) f.get("error").get().asScalar().asLong();
    }
    int exposition = m.get("expositionSeries").isPresent()
        ? (int) m.get("expositionSeries").get().asScalar().asLong() : d.expositionSeries();
    int loki = m.get("lokiMaxLabels").isPresent()
        ? (int) m.get("lokiMaxLabels").get().asScalar().asLong() : d.lokiMaxLabels();
    return new Thresholds(warning, error, exposition, loki);
  }

  public LintContext context() {
    return context;
  }

  public Optional<Path> file() {
    return file;
  }

  public List<Input> inputs() {
    return inputs;
  }

  public Optional<String> baseline() {
    return baseline;
  }

  /** {@code failOn:} of the config ({@code error|warning|info|none}); empty when not set. */
  public Optional<String> failOn() {
    return failOn;
  }

  boolean locked(String rule) {
    RuleSetting s = rules.get(rule);
    return s != null && s.locked();
  }

  /**
   * The severity a finding of {@code rule} at {@code path} gets, or empty when the rule is off
   * there: a matching override first, then the rule's setting, then the finding's own.
   */
  Optional<Severity> severityFor(String rule, String path, Severity own) {
    String setting = null;
    RuleSetting s = rules.get(rule);
    if (s != null && s.severity().isPresent()) setting = s.severity().get();
    Path p = Path.of(path);
    for (Override o : overrides) {
      if (o.severities().containsKey(rule) && o.matcher().matches(p)) {
        setting = o.severities().get(rule);
      }
    }
    if (setting == null) return Optional.of(own);
    if (setting.equals("off")) return Optional.empty();
    return Optional.of(Severity.valueOf(setting.toUpperCase(Locale.ROOT)));
  }
}

package dev.promotel.lint;

import static dev.promotel.lint.DumpRuleIds.DOMINANT_LABEL;
import static dev.promotel.lint.DumpRuleIds.EXPOSITION_SERIES;
import static dev.promotel.lint.DumpRuleIds.FAMILY_SERIES;
import static dev.promotel.lint.DumpRuleIds.LONG_VALUE;
import static dev.promotel.lint.DumpRuleIds.UNBOUNDED_VALUE;

import dev.promotel.format.SourcePosition;
import dev.promotel.model.Attributes;
import dev.promotel.model.HistogramPoint;
import dev.promotel.model.Point;
import dev.promotel.model.SummaryPoint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cardinality (specs/lint.md §6.4). Series are counted, not stored; distinct values per label of
 * the streaming family are 64-bit hashes in a set capped at {@code maxDistinct} (default 10,000),
 * past which card/dominant-label stops counting and says so.
 */
final class CardinalityRules implements DumpRule {
  private static final List<String> DENY_NAMES = List.of("request_id", "trace_id", "span_id",
      "user_id", "session_id", "order_id", "pod_uid", "uid", "uuid", "filename", "email");
  private static final Pattern UUID =
      Pattern.compile("(?i).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");
  private static final Pattern LONG_HEX = Pattern.compile("(?i).*(?<![0-9a-z])[0-9a-f]{16,}(?![0-9a-z]).*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-zA-Z]{2,}");
  private static final Pattern IP = Pattern.compile(
      "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|(?i)[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}");
  /** EUI-48 with : or - separators; checked before IP, whose IPv6 branch would also match it. */
  private static final Pattern MAC = Pattern.compile("(?i)[0-9a-f]{2}([:-])[0-9a-f]{2}(\\1[0-9a-f]{2}){4}");
  private static final Pattern EPOCH = Pattern.compile("1[0-9]{9}|1[0-9]{12}");
  private static final Pattern PATH_WITH_ID = Pattern.compile(".*/[0-9]{3,}(/.*|$)");
  private static final int MAX_CHECKED_PER_LABEL = 1_000;

  private final Checks checks;
  private final int warning;
  private final int error;
  private final int expositionLimit;
  private final int maxDistinct;
  private final int minSeries;
  private final int maxNameLength;
  private final int maxValueLength;
  private final Set<String> denyNames;
  private final boolean dominantOn;
  private final boolean unboundedOn;

  /** What is known about one label name: dump-wide checks, and distinct values in the current family. */
  private final class LabelState {
    int checked;
    boolean reported;
    LongSet distinct;
    long family = -1;
  }

  // Per family while it streams.
  private DumpFamily current;
  private long familyNumber;
  private long familySeries;
  private long familyWeighted;
  private final Map<String, LabelState> inFamily = new HashMap<>();
  // Per dump (bounded by the number of label names).
  private long totalSeries;
  private SourcePosition firstAt;
  private final Map<String, LabelState> labels = new HashMap<>();

  CardinalityRules(Checks checks) throws dev.promotel.yaml.ConfigException {
    this.checks = checks;
    Thresholds t = checks.context.thresholds();
    this.warning = t.familySeriesWarning();
    this.error = t.familySeriesError();
    this.expositionLimit = t.expositionSeries();
    this.maxDistinct = checks.intOption(DOMINANT_LABEL, "maxDistinct", 10_000);
    this.minSeries = checks.intOption(DOMINANT_LABEL, "minSeries", 100);
    this.maxNameLength = checks.intOption(LONG_VALUE, "maxNameLength", 1024);
    this.maxValueLength = checks.intOption(LONG_VALUE, "maxValueLength", 2048);
    this.denyNames = new HashSet<>(checks.listOption(UNBOUNDED_VALUE, "denyNames", DENY_NAMES));
    this.dominantOn = checks.on(DOMINANT_LABEL);
    this.unboundedOn = checks.on(UNBOUNDED_VALUE);
  }

  @Override
  public void family(DumpFamily f) {
    if (!f.continued()) {
      current = f;
      familySeries = 0;
      familyWeighted = 0;
      familyNumber++;
      inFamily.clear();
    }
    if (firstAt == null) firstAt = f.at();
    List<? extends Point> points = f.family().data().points();
    boolean dominant = dominantOn;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      familySeries++;
      familyWeighted += weight(p);
      Attributes labels = p.attributes();
      for (int k = 0; k < labels.size(); k++) {
        String key = labels.key(k);
        String value = labels.value(k).asString();
        LabelState state = this.labels.get(key);
        if (state == null) {
          state = new LabelState();
          this.labels.put(key, state);
        }
        if (dominant) {
          if (state.family != familyNumber) {
            state.family = familyNumber;
            if (state.distinct == null) state.distinct = new LongSet(maxDistinct);
            else state.distinct.clear();
            inFamily.put(key, state);
          }
          // String hashes are cached; spreading one and mixing in the length makes 64-bit keys
          // whose collisions are negligible at the 10,000 values counted.
          long h = value.hashCode() * 0x9E3779B97F4A7C15L ^ ((long) value.length() << 32);
          if (state.distinct.add(h) == LongSet.Added.FULL) {
            checks.stoppedCounting(DOMINANT_LABEL, f.at(), "distinct values of " + key + " in "
                + f.name() + " after " + maxDistinct);
          }
        }
        if (!state.reported) label(f, i, key, value, state);
      }
    }
    totalSeries += points.size();
  }

  private static long weight(Point p) {
    if (p instanceof HistogramPoint h) return h.bucketCountsSize() + 2L;
    if (p instanceof SummaryPoint s) return s.quantiles().size() + 2L;
    return 1;
  }

  private void label(DumpFamily f, int i, String key, String value, LabelState state) {
    if (key.length() > maxNameLength || value.length() > maxValueLength) {
      state.reported = true;
      checks.report(LONG_VALUE, f.pointAt(i), key, "label " + key + " of " + f.name() + " has a "
          + (key.length() > maxNameLength ? key.length() + "-character name (limit " + maxNameLength
              : value.length() + "-character value (limit " + maxValueLength)
          + ", Loki's default); move long text out of labels");
      return;
    }
    if (!unboundedOn) return;
    if (state.checked >= MAX_CHECKED_PER_LABEL) return;
    if (denyNames.contains(key)) {
      state.reported = true;
      checks.report(UNBOUNDED_VALUE, f.pointAt(i), key, "label " + key + " (on " + f.name()
          + ") identifies single requests or objects, so every value makes a new series; drop it"
          + " or keep it in exemplars or logs");
      return;
    }
    state.checked++;
    String kind = unboundedKind(value);
    if (kind != null) {
      state.reported = true;
      checks.report(UNBOUNDED_VALUE, f.pointAt(i), key, "label " + key + " of " + f.name()
          + " has the value \"" + abbreviate(value) + "\", which looks like " + kind
          + "; such values are unbounded, drop the label or normalise the value");
    }
  }

  static String unboundedKind(String v) {
    if (v.length() < 7) return null;
    if (UUID.matcher(v).matches()) return "a UUID";
    if (EMAIL.matcher(v).matches()) return "an e-mail address";
    if (EPOCH.matcher(v).matches()) return "a Unix timestamp";
    if (MAC.matcher(v).matches()) return "a MAC address";
    if (IP.matcher(v).matches()) return "an IP address";
    if (v.indexOf('/') >= 0 && PATH_WITH_ID.matcher(v).matches()) return "a URL path with an ID";
    if (LONG_HEX.matcher(v).matches() && v.chars().anyMatch(Character::isDigit)) return "a hex ID";
    return null;
  }

  private static String abbreviate(String v) {
    return v.length() > 60 ? v.substring(0, 57) + "..." : v;
  }

  @Override
  public void familyEnd() {
    if (current == null) return;
    DumpFamily f = current;
    if (familyWeighted > warning) {
      boolean isError = familyWeighted > error;
      checks.report(FAMILY_SERIES, isError ? Severity.ERROR : Severity.WARNING, f.at(), f.name(),
          f.name() + " has " + familyWeighted + " series" + (familyWeighted != familySeries
              ? " (" + familySeries + " label sets, counting buckets/quantiles + 2)" : "")
          + ", over the " + (isError ? "error" : "warning") + " threshold "
          + (isError ? error : warning) + "; drop or aggregate high-cardinality labels", List.of());
    }
    if (checks.on(DOMINANT_LABEL) && familySeries >= minSeries) {
      for (Map.Entry<String, LabelState> e : inFamily.entrySet()) {
        int d = e.getValue().distinct.size();
        if (d >= 0.9 * familySeries && d < maxDistinct) {
          checks.report(DOMINANT_LABEL, f.at(), f.name() + "/" + e.getKey(), "label " + e.getKey()
              + " of " + f.name() + " has " + d + " distinct values in " + familySeries + " series,"
              + " so it alone makes the series unique; drop it or bucket its values");
        }
      }
    }
    current = null;
  }

  @Override
  public void end() {
    if (totalSeries > expositionLimit) {
      checks.report(EXPOSITION_SERIES, firstAt, "exposition", "the dump has " + totalSeries
          + " series, over the threshold " + expositionLimit + " (OpenMetrics guidance); split the"
          + " target or drop labels");
    }
  }
}

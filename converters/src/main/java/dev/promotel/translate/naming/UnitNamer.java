package dev.promotel.translate.naming;

import java.util.HashMap;
import java.util.Map;

/**
 * UCUM units ↔ Prometheus unit words (specs/translation.md §4.3 and §2.1).
 *
 * <p>OTLP → Prometheus: {@link #prometheusUnit} gives the OpenMetrics {@code # UNIT} value and is
 * the unit part of metric-name suffixes: the unit is split at the first {@code /} into a main and
 * a "per" part, each trimmed and looked up in its table (unknown units are used as written), the
 * per part becomes {@code per_<word>}. Examples ({@link UnitDialect#OTLPTRANSLATOR}): {@code s} →
 * {@code seconds}, {@code By/s} → {@code bytes_per_second}, {@code 1/s} → {@code per_second},
 * {@code 1} → empty, {@code {packets}} → empty, {@code TiBy} → {@code tibibytes}.
 *
 * <p>Prometheus → OTLP: {@link #ucumUnit} maps a unit word back ({@code seconds} → {@code s},
 * {@code bytes_per_second} → {@code By/s}, {@code ratio} → {@code 1}); unknown words pass through.
 *
 * <p>Provenance: prometheus/otlptranslator {@code unit_namer.go}, {@code metric_namer.go} @51da773
 * (tables and splitting re-implemented from specs/translation.md §4.3).
 */
public final class UnitNamer {
  private UnitNamer() {}

  private static final Map<String, String> OTT_MAIN = new HashMap<>();
  private static final Map<String, String> STRICT_MAIN;
  private static final Map<String, String> OTT_PER =
      Map.of("s", "second", "m", "minute", "h", "hour", "d", "day", "w", "week", "mo", "month",
          "y", "year");
  private static final Map<String, String> STRICT_PER =
      Map.of("s", "second", "min", "minute", "h", "hour", "d", "day", "wk", "week", "mo", "month",
          "a", "year");

  /** Prometheus word → UCUM main unit (both dialects). */
  private static final Map<String, String> WORD_TO_UCUM = new HashMap<>();
  private static final Map<String, String> OTT_PER_WORD = inverse(OTT_PER);
  private static final Map<String, String> STRICT_PER_WORD = inverse(STRICT_PER);

  static {
    String[][] main = {
      {"d", "days"}, {"h", "hours"}, {"min", "minutes"}, {"s", "seconds"},
      {"ms", "milliseconds"}, {"us", "microseconds"}, {"ns", "nanoseconds"},
      {"By", "bytes"}, {"KiBy", "kibibytes"}, {"MiBy", "mebibytes"}, {"GiBy", "gibibytes"},
      {"TiBy", "tibibytes"}, {"KBy", "kilobytes"}, {"MBy", "megabytes"}, {"GBy", "gigabytes"},
      {"TBy", "terabytes"},
      {"m", "meters"}, {"V", "volts"}, {"A", "amperes"}, {"J", "joules"}, {"W", "watts"},
      {"g", "grams"},
      {"Cel", "celsius"}, {"Hz", "hertz"}, {"1", ""}, {"%", "percent"},
    };
    for (String[] e : main) OTT_MAIN.put(e[0], e[1]);
    // kBy is the UCUM spelling (SPEC §2.1); otlptranslator only knows KBy. Accepting both keeps
    // OM "kilobytes" → OTLP kBy → OM "kilobytes" stable.
    OTT_MAIN.put("kBy", "kilobytes");
    Map<String, String> strict = new HashMap<>(OTT_MAIN);
    strict.put("TiBy", "tebibytes");
    STRICT_MAIN = Map.copyOf(strict);

    for (String[] e : main) {
      if (!e[1].isEmpty()) WORD_TO_UCUM.put(e[1], e[0]);
    }
    WORD_TO_UCUM.put("kilobytes", "kBy");
    WORD_TO_UCUM.put("tebibytes", "TiBy");
    WORD_TO_UCUM.put("ratio", "1");
  }

  private static Map<String, String> inverse(Map<String, String> m) {
    Map<String, String> out = new HashMap<>();
    m.forEach((k, v) -> out.put(v, k));
    return Map.copyOf(out);
  }

  /** The raw (uncleaned) suffix parts of a unit: {@code per} is empty or {@code per_<word>}. */
  record Suffixes(String main, String per) {}

  static Suffixes suffixes(String unit, UnitDialect dialect) {
    if (unit == null || unit.isEmpty()) return new Suffixes("", "");
    if (dialect == UnitDialect.UCUM_STRICT) unit = stripAnnotations(unit);
    Map<String, String> mainTable = dialect == UnitDialect.UCUM_STRICT ? STRICT_MAIN : OTT_MAIN;
    Map<String, String> perTable = dialect == UnitDialect.UCUM_STRICT ? STRICT_PER : OTT_PER;
    int slash = unit.indexOf('/');
    String mainPart = NameChars.trimSpace(slash < 0 ? unit : unit.substring(0, slash));
    String main = "";
    // A part carrying a brace annotation is ignored whole, not just its annotation (§10 row 6).
    if (!mainPart.isEmpty() && !hasBrace(mainPart)) main = mainTable.getOrDefault(mainPart, mainPart);
    String per = "";
    if (slash >= 0) {
      String perPart = NameChars.trimSpace(unit.substring(slash + 1));
      if (!perPart.isEmpty() && !hasBrace(perPart)) {
        per = "per_" + perTable.getOrDefault(perPart, perPart);
      }
    }
    return new Suffixes(main, per);
  }

  private static boolean hasBrace(String s) {
    return s.indexOf('{') >= 0 || s.indexOf('}') >= 0;
  }

  /** Removes each {@code {...}} annotation (not nested); an unclosed brace is left in place. */
  private static String stripAnnotations(String unit) {
    if (unit.indexOf('{') < 0) return unit;
    StringBuilder b = new StringBuilder(unit.length());
    int i = 0;
    while (i < unit.length()) {
      int open = unit.indexOf('{', i);
      int close = open < 0 ? -1 : unit.indexOf('}', open + 1);
      if (close < 0) {
        b.append(unit, i, unit.length());
        break;
      }
      b.append(unit, i, open);
      i = close + 1;
    }
    return b.toString();
  }

  /**
   * Makes a unit part name-safe: characters outside {@code [a-zA-Z0-9:]} become {@code _}, runs of
   * {@code _} collapse, and one leading {@code _} goes.
   */
  static String cleanUp(String unitPart) {
    String s =
        NameChars.collapseUnderscores(
            NameChars.replaceInvalid(unitPart, NameChars::isMetricTokenChar));
    return s.startsWith("_") ? s.substring(1) : s;
  }

  /**
   * The Prometheus unit word for an OTLP (UCUM) unit, cleaned to the legacy character set: the
   * value of the OpenMetrics {@code # UNIT} line.
   *
   * @param ucumUnit the OTLP unit; {@code null} or empty gives empty
   */
  public static String prometheusUnit(String ucumUnit, UnitDialect dialect) {
    return prometheusUnit(ucumUnit, dialect, /* utf8Allowed= */ false);
  }

  /**
   * {@link #prometheusUnit(String, UnitDialect)}, but with {@code utf8Allowed} the parts are not
   * cleaned (otlptranslator {@code UnitNamer{UTF8Allowed: true}}), so {@code m/ñ} → {@code
   * meters_per_ñ}.
   */
  public static String prometheusUnit(String ucumUnit, UnitDialect dialect, boolean utf8Allowed) {
    Suffixes s = suffixes(ucumUnit, dialect);
    String main = utf8Allowed ? s.main() : cleanUp(s.main());
    String per = utf8Allowed ? s.per() : cleanUp(s.per());
    String u;
    if (!main.isEmpty() && !per.isEmpty()) u = main + "_" + per;
    else if (!main.isEmpty()) u = main;
    else u = per;
    if (u.startsWith("_")) u = u.substring(1);
    if (u.endsWith("_")) u = u.substring(0, u.length() - 1);
    return u;
  }

  /**
   * The UCUM unit for a Prometheus unit word, with the per-unit codes of {@link
   * UnitDialect#OTLPTRANSLATOR} (so that the default forward mapping gives the word back).
   */
  public static String ucumUnit(String prometheusUnitWord) {
    return ucumUnit(prometheusUnitWord, UnitDialect.OTLPTRANSLATOR);
  }

  /**
   * The UCUM unit for a Prometheus unit word (specs/translation.md §2.1): {@code seconds} → {@code
   * s}, {@code kilobytes} → {@code kBy}, {@code tebibytes} and {@code tibibytes} → {@code TiBy},
   * {@code ratio} → {@code 1}, {@code percent} → {@code %}; {@code x_per_y} → {@code x/y} with
   * {@code x} mapped by the same table and {@code y} by the per-unit table of {@code dialect}
   * ({@code minute} → {@code m}, or {@code min} when {@link UnitDialect#UCUM_STRICT}); {@code
   * per_y} → {@code 1/y}. Unknown words, and unknown halves of {@code x_per_y}, pass through
   * unchanged; {@code null} gives empty.
   */
  public static String ucumUnit(String prometheusUnitWord, UnitDialect dialect) {
    if (prometheusUnitWord == null || prometheusUnitWord.isEmpty()) return "";
    String direct = WORD_TO_UCUM.get(prometheusUnitWord);
    if (direct != null) return direct;
    String x;
    String y;
    if (prometheusUnitWord.startsWith("per_") && prometheusUnitWord.length() > 4) {
      x = "";
      y = prometheusUnitWord.substring(4);
    } else {
      int at = prometheusUnitWord.indexOf("_per_");
      if (at <= 0 || at + 5 >= prometheusUnitWord.length()) return prometheusUnitWord;
      x = prometheusUnitWord.substring(0, at);
      y = prometheusUnitWord.substring(at + 5);
    }
    Map<String, String> perWords =
        dialect == UnitDialect.UCUM_STRICT ? STRICT_PER_WORD : OTT_PER_WORD;
    String main = x.isEmpty() ? "1" : WORD_TO_UCUM.getOrDefault(x, x);
    return main + "/" + perWords.getOrDefault(y, y);
  }
}

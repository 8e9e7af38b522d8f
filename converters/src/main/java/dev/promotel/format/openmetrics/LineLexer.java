package dev.promotel.format.openmetrics;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.internal.LineReader;
import dev.promotel.format.internal.NumberParser;
import dev.promotel.model.NumberValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte-level lexer for one OpenMetrics line, straight over {@link LineReader}'s buffer (no regex,
 * no String per line). It checks the ABNF of the OpenMetrics 1.0 specification
 * (https://github.com/OpenObservability/OpenMetrics/blob/main/specification/OpenMetrics.md#abnf)
 * plus the Prometheus 3 quoted-name syntax, and leaves its results in public-ish fields that stay
 * valid until the next line. Semantic rules (types, suffixes, histograms) live in the reader.
 *
 * <p>Example: {@code a_bucket{le="1.0"} 3 1520879607.789 # {trace_id="abc"} 0.5} yields name
 * {@code a_bucket}, one label, value 3, a timestamp and an exemplar.
 */
final class LineLexer {
  enum MetadataKind {
    TYPE,
    HELP,
    UNIT,
    EOF
  }

  private final LineReader lines;
  private final ReadOptions options;
  private byte[] b;
  private int start;
  private int end;
  private int p;
  private byte[] scratch = new byte[256];

  // Results of lexSample().
  String name;
  int nameOffset;
  final LabelList labels = new LabelList();
  NumberValue value;
  int valueFrom;
  int valueTo;
  Seconds timestamp;
  int timestampOffset;
  boolean hasExemplar;
  int exemplarOffset;
  final LabelList exemplarLabels = new LabelList();
  NumberValue exemplarValue;
  Seconds exemplarTimestamp;

  // Results of lexMetadata().
  MetadataKind metadataKind;
  String metadataText;
  int metadataTextOffset;

  LineLexer(LineReader lines, ReadOptions options) {
    this.lines = lines;
    this.options = options;
  }

  /** Points the lexer at the reader's current line. */
  void reset() {
    b = lines.buffer();
    start = lines.start();
    end = lines.end();
    p = start;
  }

  MetricParseException error(int absoluteOffset, String reason) {
    return lines.error(absoluteOffset - start, reason);
  }

  /** An error at byte {@code offsetInLine} of the current line (label offsets are such). */
  MetricParseException errorInLine(int offsetInLine, String reason) {
    return lines.error(offsetInLine, reason);
  }

  /** Offset within the line of an absolute buffer index, for callers that report later. */
  int relative(int absoluteOffset) {
    return absoluteOffset - start;
  }

  // ---------------------------------------------------------------- metadata lines

  /** Lexes a line starting with {@code #}: {@code # TYPE|HELP|UNIT name ...} or {@code # EOF}. */
  void lexMetadata() throws MetricParseException {
    p = start + 1;
    if (p >= end || b[p] != ' ') {
      throw error(p, "expected ' ' after '#' (only '# TYPE', '# HELP', '# UNIT' and '# EOF' lines "
          + "may start with '#'), got " + describe(p));
    }
    p++;
    int wordStart = p;
    while (p < end && b[p] != ' ') p++;
    String word = ascii(wordStart, p);
    switch (word) {
      case "EOF" -> {
        if (p < end) throw error(p, "expected end of line after '# EOF', got " + describe(p));
        metadataKind = MetadataKind.EOF;
        return;
      }
      case "TYPE" -> metadataKind = MetadataKind.TYPE;
      case "HELP" -> metadataKind = MetadataKind.HELP;
      case "UNIT" -> metadataKind = MetadataKind.UNIT;
      default -> throw error(wordStart,
          "expected TYPE, HELP, UNIT or EOF after '# ', got " + describeToken(wordStart));
    }
    if (p >= end) throw error(p, "expected ' ' and a metric name after '# " + word + "', got end of line");
    p++;
    nameOffset = p;
    if (p < end && b[p] == '"') {
      name = quoted("metric name");
      if (name.isEmpty()) throw error(nameOffset, "expected a non-empty metric name, got \"\"");
    } else {
      name = metricName();
    }
    if (p >= end || b[p] != ' ') {
      String what = metadataKind == MetadataKind.TYPE ? "a type" : metadataKind == MetadataKind.HELP
          ? "the help text" : "the unit";
      throw error(p, "expected ' ' and " + what + " after metric name '" + name + "', got "
          + describe(p));
    }
    p++;
    metadataTextOffset = p;
    switch (metadataKind) {
      case TYPE -> {
        int typeStart = p;
        while (p < end && b[p] != ' ') p++;
        if (p < end) throw error(p, "expected end of line after the type, got " + describe(p));
        metadataText = utf8(typeStart, p);
      }
      case HELP -> metadataText = help();
      case UNIT -> {
        int unitStart = p;
        while (p < end && isNameChar(b[p], true)) p++;
        if (p < end) {
          throw error(p, "expected a unit made of [a-zA-Z0-9_:] and then end of line, got "
              + describe(p));
        }
        metadataText = ascii(unitStart, p);
      }
      default -> throw new AssertionError(metadataKind);
    }
  }

  /** HELP text: {@code \\}, {@code \n} and {@code \"} are escapes; other backslashes stay. */
  private String help() throws MetricParseException {
    int from = p;
    boolean escapes = false;
    for (int i = p; i < end; i++) {
      if (b[i] == '\\') {
        escapes = true;
        break;
      }
    }
    if (!escapes) {
      p = end;
      return utf8(from, end);
    }
    int n = 0;
    for (int i = from; i < end; i++) {
      byte c = b[i];
      if (c == '\\') {
        if (i + 1 >= end) {
          throw error(i, "expected an escape sequence (\\\\, \\n or \\\") after '\\' in the help "
              + "text, got end of line");
        }
        byte next = b[++i];
        ensureScratch(n + 2);
        switch (next) {
          case '\\' -> scratch[n++] = '\\';
          case 'n' -> scratch[n++] = '\n';
          case '"' -> scratch[n++] = '"';
          default -> {
            // The ABNF allows a backslash before any character; it stands for itself.
            scratch[n++] = '\\';
            scratch[n++] = next;
          }
        }
      } else {
        ensureScratch(n + 1);
        scratch[n++] = c;
      }
    }
    p = end;
    return new String(scratch, 0, n, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- sample lines

  /** Lexes {@code name[{labels}] value [timestamp] [# {labels} value [timestamp]]}. */
  void lexSample() throws MetricParseException {
    p = start;
    name = null;
    nameOffset = start;
    labels.clear();
    timestamp = null;
    hasExemplar = false;
    exemplarTimestamp = null;
    if (b[p] != '{') {
      if (!isNameChar(b[p], false)) {
        throw error(p, "expected a metric name or '{', got " + describe(p));
      }
      name = metricName();
      if (p < end && b[p] != ' ' && b[p] != '{') {
        throw error(p, "expected '{' or ' ' after metric name '" + name + "', got " + describe(p));
      }
    }
    if (p < end && b[p] == '{') {
      labels(labels, true);
    }
    if (name == null) {
      throw error(start, "expected a metric name before '{' or quoted as the first item in the "
          + "braces, got a label set without a name");
    }
    if (p >= end) throw error(p, "expected ' ' and a value, got end of line");
    if (b[p] != ' ') throw error(p, "expected ' ' after the labels, got " + describe(p));
    p++;
    valueFrom = p;
    value = number("value");
    valueTo = p;
    if (p == end) return;
    p++; // the space that ended the value
    if (p < end && b[p] == '#') {
      exemplar();
      return;
    }
    timestampOffset = p;
    timestamp = timestamp("timestamp");
    if (p == end) return;
    p++;
    if (p >= end || b[p] != '#') {
      throw error(p, "expected '#' to start an exemplar after the timestamp, got " + describe(p));
    }
    exemplar();
  }

  private void exemplar() throws MetricParseException {
    exemplarOffset = p;
    hasExemplar = true;
    p++;
    if (p >= end || b[p] != ' ') {
      throw error(p, "expected ' ' after the exemplar's '#', got " + describe(p));
    }
    p++;
    if (p >= end || b[p] != '{') {
      throw error(p, "expected '{' to open the exemplar's labels, got " + describe(p));
    }
    exemplarLabels.clear();
    labels(exemplarLabels, false);
    if (p >= end || b[p] != ' ') {
      throw error(p, "expected ' ' and the exemplar value after its labels, got " + describe(p));
    }
    p++;
    exemplarValue = number("exemplar value");
    if (p == end) return;
    p++;
    exemplarTimestamp = timestamp("exemplar timestamp");
    if (p < end) {
      throw error(p, "expected end of line after the exemplar timestamp, got " + describe(p));
    }
  }

  /** {@code {name="value",...}}; with {@code allowName}, a quoted item without '=' is the name. */
  private void labels(LabelList out, boolean allowName) throws MetricParseException {
    p++; // '{'
    if (p < end && b[p] == '}') {
      p++;
      return;
    }
    while (true) {
      int itemStart = p;
      String labelName;
      if (p < end && b[p] == '"') {
        String q = quoted("name");
        if (p >= end || b[p] != '=') {
          if (!allowName || name != null) {
            throw error(p, "expected '=' after quoted label name \"" + q + "\", got " + describe(p));
          }
          if (q.isEmpty()) throw error(itemStart, "expected a non-empty metric name, got \"\"");
          name = q;
          nameOffset = itemStart;
          if (!separator(out)) return;
          continue;
        }
        if (q.isEmpty()) throw error(itemStart, "expected a non-empty label name, got \"\"");
        labelName = q;
      } else {
        if (p >= end || !isNameChar(b[p], false) || b[p] == ':') {
          throw error(p, "expected a label name, got " + describe(p));
        }
        int nameStart = p;
        while (p < end && isNameChar(b[p], true) && b[p] != ':') p++;
        labelName = ascii(nameStart, p);
      }
      if (p >= end || b[p] != '=') {
        throw error(p, "expected '=' after label name '" + labelName + "', got " + describe(p));
      }
      p++;
      if (p >= end || b[p] != '"') {
        throw error(p, "expected '\"' to open the value of label '" + labelName + "', got "
            + describe(p));
      }
      int valueStart = p;
      String labelValue = quoted("value of label '" + labelName + "'");
      if (labelValue.length() > options.maxLabelValueBytes()
          || utf8Length(labelValue) > options.maxLabelValueBytes()) {
        throw error(valueStart, "label value longer than " + options.maxLabelValueBytes()
            + " bytes (raise the limit with --max-label-value-bytes)");
      }
      if (out.indexOf(labelName) >= 0) {
        throw error(itemStart, "duplicate label name '" + labelName
            + "': each label name may occur once in a label set");
      }
      if (out.size() >= options.maxLabels()) {
        throw error(itemStart, "more than " + options.maxLabels()
            + " labels on one line (raise the limit with --max-labels)");
      }
      out.add(labelName, labelValue, relative(itemStart));
      if (!separator(out)) return;
    }
  }

  /** After a label item: ',' (true: another item follows) or '}' (false: done). */
  private boolean separator(LabelList out) throws MetricParseException {
    if (p >= end) throw error(p, "expected ',' or '}' after the label, got end of line");
    if (b[p] == ',') {
      p++;
      return true;
    }
    if (b[p] == '}') {
      p++;
      return false;
    }
    throw error(p, "expected ',' or '}' after the label, got " + describe(p));
  }

  /** A double-quoted string at {@code p} with OpenMetrics escapes; p ends after the quote. */
  private String quoted(String what) throws MetricParseException {
    int open = p;
    p++;
    int from = p;
    boolean escapes = false;
    while (p < end && b[p] != '"') {
      if (b[p] == '\\') {
        escapes = true;
        p++;
      }
      p++;
    }
    if (p >= end) {
      throw error(Math.min(p, end), "expected '\"' to close the " + what + " opened at column "
          + lines.columnOf(relative(open)) + ", got end of line");
    }
    int to = p;
    p++;
    if (!escapes) return utf8(from, to);
    int n = 0;
    ensureScratch(to - from);
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '\\') {
        byte next = b[++i];
        switch (next) {
          case '\\' -> scratch[n++] = '\\';
          case 'n' -> scratch[n++] = '\n';
          case '"' -> scratch[n++] = '"';
          default -> {
            scratch[n++] = '\\';
            scratch[n++] = next;
          }
        }
      } else {
        scratch[n++] = c;
      }
    }
    return new String(scratch, 0, n, StandardCharsets.UTF_8);
  }

  private String metricName() throws MetricParseException {
    int from = p;
    if (p >= end || !isNameChar(b[p], false)) {
      throw error(p, "expected a metric name, got " + describe(p));
    }
    while (p < end && isNameChar(b[p], true)) p++;
    return ascii(from, p);
  }

  /** A sample or exemplar value: realnumber, or [sign] inf/infinity, or nan (any case). */
  private NumberValue number(String what) throws MetricParseException {
    int from = p;
    while (p < end && b[p] != ' ') p++;
    if (from == p) throw error(from, "expected " + article(what) + ", got " + describe(from));
    int to = p;
    if (isRealNumber(from, to)) {
      // Fast path for plain integers, the most common sample value.
      if (to - from <= 18 && b[from] >= '0' && b[from] <= '9' && allDigits(from, to)) {
        long v = 0;
        for (int i = from; i < to; i++) v = v * 10 + (b[i] - '0');
        return NumberValue.ofLong(v);
      }
      NumberValue v = NumberParser.parseOpenMetrics(ascii(from, to));
      if (!v.isLong() && Double.isInfinite(v.doubleValue())) {
        throw error(from, "expected " + article(what) + " within the float64 range, got "
            + describeToken(from));
      }
      return v;
    }
    int special = specialValue(from, to);
    if (special == 0) {
      throw error(from, "expected " + article(what) + " (like 1, -2.5, 1e-3, +Inf or NaN), got "
          + describeToken(from));
    }
    return NumberValue.ofDouble(special == 1 ? Double.POSITIVE_INFINITY
        : special == -1 ? Double.NEGATIVE_INFINITY : Double.NaN);
  }

  private Seconds timestamp(String what) throws MetricParseException {
    int from = p;
    while (p < end && b[p] != ' ') p++;
    if (from == p) {
      throw error(from, "expected " + article(what) + " in seconds, got " + describe(from));
    }
    if (!isRealNumber(from, p)) {
      throw error(from, "expected " + article(what) + " in seconds (like 1520879607.789), got "
          + describeToken(from));
    }
    Seconds s = Seconds.parse(b, from, p);
    if (s == null) {
      throw error(from, "expected " + article(what) + " with at most " + Seconds.MAX_DIGITS
          + " digits and an exponent within ±" + Seconds.MAX_EXPONENT + ", got "
          + describeToken(from));
    }
    return s;
  }

  /** Re-reads the current sample's value as seconds, for {@code _created}; null if not real. */
  Seconds valueAsSeconds() {
    if (!isRealNumber(valueFrom, valueTo)) return null;
    return Seconds.parse(b, valueFrom, valueTo);
  }

  /** realnumber = [sign] (1*DIGIT ["." *DIGIT] / *DIGIT "." 1*DIGIT) ["e" [sign] 1*DIGIT]. */
  private boolean isRealNumber(int from, int to) {
    int i = from;
    if (i < to && (b[i] == '+' || b[i] == '-')) i++;
    int digits = 0;
    while (i < to && b[i] >= '0' && b[i] <= '9') {
      i++;
      digits++;
    }
    if (i < to && b[i] == '.') {
      i++;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        i++;
        digits++;
      }
    }
    if (digits == 0) return false;
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < to && (b[i] == '+' || b[i] == '-')) i++;
      int exp = 0;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        i++;
        exp++;
      }
      if (exp == 0) return false;
    }
    return i == to;
  }

  /** 1 for [+]inf(inity), -1 for -inf(inity), 2 for nan (unsigned, per the ABNF), else 0. */
  private int specialValue(int from, int to) {
    int i = from;
    int sign = 1;
    if (b[i] == '+' || b[i] == '-') {
      sign = b[i] == '-' ? -1 : 1;
      i++;
    }
    String word = ascii(i, to);
    if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) return sign;
    if (i == from && word.equalsIgnoreCase("nan")) return 2;
    return 0;
  }

  private boolean allDigits(int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < '0' || b[i] > '9') return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- helpers

  static boolean isNameChar(byte c, boolean allowDigit) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
        || (allowDigit && c >= '0' && c <= '9');
  }

  private static String article(String what) {
    return (what.startsWith("e") ? "an " : "a ") + what;
  }

  private void ensureScratch(int n) {
    if (scratch.length < n) scratch = Arrays.copyOf(scratch, Math.max(n, scratch.length * 2));
  }

  private String ascii(int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private String utf8(int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) n++;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  /** The character at {@code at} for messages: {@code 'x'}, {@code '\t'}, or "end of line". */
  String describe(int at) {
    if (at >= end) return "end of line";
    int c = b[at] & 0xFF;
    if (c >= 0x80) {
      int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      return "'" + utf8(at, Math.min(end, at + len)) + "'";
    }
    return switch (c) {
      case ' ' -> "' '";
      case '\t' -> "'\\t' (tab)";
      case '\r' -> "'\\r' (carriage return)";
      default -> c < 0x20 || c == 0x7F ? String.format("U+%04X", c) : "'" + (char) c + "'";
    };
  }

  /** The token (up to the next space, at most 40 characters) at {@code at}, quoted. */
  String describeToken(int at) {
    int to = at;
    while (to < end && b[to] != ' ') to++;
    if (to == at) return describe(at);
    String s = utf8(at, to);
    if (s.length() > 40) s = s.substring(0, 37) + "...";
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t') out.append("\\t");
      else if (c == '\r') out.append("\\r");
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('\'').toString();
  }
}

package dev.promotel.format.prometheus;

import dev.promotel.format.MetricParseException;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.internal.LineReader;
import dev.promotel.format.internal.Utf8;
import dev.promotel.model.Attribute;
import dev.promotel.model.Attributes;
import dev.promotel.model.NumberValue;
import dev.promotel.model.PromType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lexer and line parser of the 0.0.4 text format: turns the current line of a {@link
 * LineReader} into one entry ({@link #SKIP}, {@link #HELP}, {@link #TYPE} or {@link #SAMPLE}) whose
 * parts are left in this object's fields until the next {@link #parse()}, textparse style. It
 * allocates Strings only for label names and values (through {@link LabelCache}) and HELP text;
 * the metric name stays a byte range.
 *
 * <p>Syntax and whitespace follow prometheus/common {@code expfmt/text_parse.go}: blanks are
 * spaces and tabs; they may lead a line and surround every token inside braces; a sample line ends
 * right after its value or timestamp (trailing blanks are an error there, as in expfmt); {@code
 * #HELP} and {@code #  TYPE} are metadata lines too; label sets may end with a comma; a
 * Prometheus 3 quoted name may stand in the braces: {@code {"my.metric","a.b"="c"} 1}.
 */
final class PromLineParser {
  static final int SKIP = 0;
  static final int HELP = 1;
  static final int TYPE = 2;
  static final int SAMPLE = 3;

  private final LineReader lines;
  private final LabelCache cache = new LabelCache();
  private final int maxLabels;
  private final int maxLabelValueBytes;

  // The current line.
  private byte[] b;
  private int s;
  private int e;

  // Results, valid until the next parse(). Offsets are relative to the line start.
  byte[] nameArray;
  int nameOffset;
  int nameLength;
  int nameAt;
  int keywordAt;
  String helpText;
  PromType type;
  int labelCount;
  Attribute[] labels = new Attribute[16];
  int[] labelNameAt = new int[16];
  int[] labelValueAt = new int[16];
  NumberValue value;
  int valueAt;
  int valueEnd;
  boolean hasTimestamp;
  long timestampNanos;

  // Unescaping scratch: quoted names and values land here when they contain backslashes.
  private byte[] nameScratch = new byte[64];
  private byte[] quotedScratch = new byte[64];
  private byte[] quotedArray;
  private int quotedOffset;
  private int quotedLength;
  private final List<Attribute> attributeScratch = new ArrayList<>();

  PromLineParser(LineReader lines, ReadOptions options) {
    this.lines = lines;
    this.maxLabels = options.maxLabels();
    this.maxLabelValueBytes = options.maxLabelValueBytes();
  }

  /** Parses the current line; throws a positioned error for anything malformed. */
  int parse() throws MetricParseException {
    b = lines.buffer();
    s = lines.start();
    e = lines.end();
    int bad = Utf8.firstInvalid(b, s, e);
    if (bad >= 0) {
      throw error(bad, "expected valid UTF-8, got byte 0x" + Integer.toHexString(b[bad] & 0xFF));
    }
    int i = skipBlank(s);
    if (i == e) return SKIP;
    if (b[i] == '#') return comment(i + 1);
    return sample(i);
  }

  private int comment(int i) throws MetricParseException {
    i = skipBlank(i);
    int keyword = i;
    while (i < e && !isBlank(b[i])) i++;
    int kind;
    if (isWord(keyword, i, "HELP")) kind = HELP;
    else if (isWord(keyword, i, "TYPE")) kind = TYPE;
    else return SKIP;
    keywordAt = keyword - s;
    i = skipBlank(i);
    if (i == e) return SKIP;
    nameAt = i - s;
    int afterName = readMetricName(i);
    if (afterName < 0) {
      throw error(i, "expected metric name after " + (kind == HELP ? "HELP" : "TYPE") + ", got "
          + describe(i));
    }
    i = afterName;
    // Like expfmt, a HELP or TYPE line with a name but nothing after it is no metadata at all.
    if (i == e) return SKIP;
    if (!isBlank(b[i])) throw error(i, "expected blank after metric name, got " + describe(i));
    i = skipBlank(i);
    if (i == e) return SKIP;
    if (kind == HELP) {
      helpText = readHelp(i);
      return HELP;
    }
    type = typeWord(i);
    return TYPE;
  }

  private PromType typeWord(int from) throws MetricParseException {
    // expfmt takes the rest of the line as the type word, so trailing blanks make it unknown.
    if (isWordIgnoreCase(from, e, "counter")) return PromType.COUNTER;
    if (isWordIgnoreCase(from, e, "gauge")) return PromType.GAUGE;
    if (isWordIgnoreCase(from, e, "histogram")) return PromType.HISTOGRAM;
    if (isWordIgnoreCase(from, e, "summary")) return PromType.SUMMARY;
    if (isWordIgnoreCase(from, e, "untyped")) return PromType.UNKNOWN;
    throw error(from, "expected counter, gauge, histogram, summary or untyped, got "
        + quote(from, e));
  }

  private String readHelp(int from) throws MetricParseException {
    int i = from;
    while (i < e && b[i] != '\\') i++;
    if (i == e) return new String(b, from, e - from, StandardCharsets.UTF_8);
    byte[] out = ensure(quotedScratch, e - from);
    quotedScratch = out;
    int n = 0;
    for (i = from; i < e; i++) {
      byte c = b[i];
      if (c != '\\') {
        out[n++] = c;
        continue;
      }
      if (i + 1 == e) {
        throw error(i, "expected \\\\, \\n or \\\" after backslash in HELP, got end of line");
      }
      byte next = b[++i];
      if (next == '\\') out[n++] = '\\';
      else if (next == 'n') out[n++] = '\n';
      else if (next == '"') out[n++] = '"';
      else {
        throw error(i - 1, "expected \\\\, \\n or \\\" after backslash in HELP, got "
            + describe(i));
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private int sample(int i) throws MetricParseException {
    nameLength = -1;
    labelCount = 0;
    hasTimestamp = false;
    timestampNanos = 0;
    boolean nameInBraces = b[i] == '{';
    if (!nameInBraces) {
      nameAt = i - s;
      int afterName = readMetricName(i);
      if (afterName < 0) throw error(i, "expected metric name, got " + describe(i));
      i = skipBlank(afterName);
    }
    if (i < e && b[i] == '{') {
      int afterBraces = labels(i + 1, nameInBraces);
      if (nameInBraces && nameLength < 0) {
        throw error(afterBraces - 1, "expected a metric name in braces, got none before '}'");
      }
      i = skipBlank(afterBraces);
    }
    if (i == e) throw error(i, "expected value, got end of line");
    valueAt = i - s;
    int from = i;
    while (i < e && !isBlank(b[i])) i++;
    valueEnd = i - s;
    value = ByteNumbers.parseValue(b, from, i);
    if (value == null) throw error(from, "expected float as value, got " + quote(from, i));
    if (i == e) return SAMPLE;
    i = skipBlank(i);
    if (i == e) throw error(i, "expected integer timestamp after blank, got end of line");
    from = i;
    while (i < e && !isBlank(b[i])) i++;
    Long millis = ByteNumbers.parseTimestampMillis(b, from, i);
    if (millis == null) {
      throw error(from, "expected integer milliseconds as timestamp, got " + quote(from, i));
    }
    if (millis < 0) {
      throw error(from, "expected a timestamp at or after 1970 (milliseconds >= 0), got " + millis);
    }
    if (millis > Long.MAX_VALUE / 1_000_000L) {
      throw error(from, "expected a timestamp before the year 2262, got " + millis);
    }
    hasTimestamp = true;
    timestampNanos = millis * 1_000_000L;
    if (i < e) throw error(i, "expected end of line after timestamp, got " + describe(i));
    return SAMPLE;
  }

  /** Reads labels from just after '{' through '}'; returns the index after '}'. */
  private int labels(int i, boolean nameInBraces) throws MetricParseException {
    while (true) {
      i = skipBlank(i);
      if (i == e) throw error(i, "expected label name or '}', got end of line");
      byte c = b[i];
      if (c == '}') return i + 1;
      int tokenStart = i;
      byte[] tokenArray;
      int tokenOffset;
      int tokenLength;
      if (c == '"') {
        i = readQuoted(i, "quoted name");
        tokenArray = quotedArray;
        tokenOffset = quotedOffset;
        tokenLength = quotedLength;
        if (tokenLength == 0) throw error(tokenStart, "expected a name inside the quotes, got \"\"");
      } else if (isLabelNameStart(c)) {
        i++;
        while (i < e && isLabelNameChar(b[i])) i++;
        tokenArray = b;
        tokenOffset = tokenStart;
        tokenLength = i - tokenStart;
      } else {
        throw error(i, "expected label name or '}', got " + describe(i));
      }
      i = skipBlank(i);
      if (i < e && b[i] == '=') {
        i = labelValue(i + 1, tokenStart, cache.name(tokenArray, tokenOffset, tokenLength));
      } else if (nameInBraces && i < e && (b[i] == ',' || b[i] == '}')) {
        if (nameLength >= 0) {
          throw error(tokenStart, "expected one metric name in braces, got a second one");
        }
        nameScratch = ensure(nameScratch, tokenLength);
        System.arraycopy(tokenArray, tokenOffset, nameScratch, 0, tokenLength);
        setName(nameScratch, 0, tokenLength);
        nameAt = tokenStart - s;
        if (b[i] == '}') return i + 1;
        i++;
        continue;
      } else {
        throw error(i, "expected '=' after label name, got " + describe(i));
      }
      i = skipBlank(i);
      if (i == e) throw error(i, "expected ',' or '}' after label value, got end of line");
      if (b[i] == '}') return i + 1;
      if (b[i] != ',') throw error(i, "expected ',' or '}' after label value, got " + describe(i));
      i++;
    }
  }

  private int labelValue(int i, int nameStart, String name) throws MetricParseException {
    i = skipBlank(i);
    if (i == e || b[i] != '"') {
      throw error(i, "expected '\"' at start of label value, got " + describe(i));
    }
    int valueStart = i;
    i = readQuoted(i, "label value");
    if (quotedLength > maxLabelValueBytes) {
      throw error(valueStart, "expected a label value of at most " + maxLabelValueBytes
          + " bytes, got " + quotedLength + " (raise the limit with --max-label-value-bytes)");
    }
    if (labelCount == maxLabels) {
      throw error(nameStart, "expected at most " + maxLabels
          + " labels on a series, got more (raise the limit with --max-labels)");
    }
    if (name.equals("__name__")) {
      throw error(nameStart, "expected a label name other than the reserved \"__name__\"; put the "
          + "metric name before the braces or quoted inside them");
    }
    if (isDuplicate(name)) {
      throw error(nameStart, "expected unique label names, got \"" + name + "\" twice");
    }
    if (labelCount == labels.length) {
      int grown = Math.min(maxLabels, labels.length * 2);
      labels = Arrays.copyOf(labels, grown);
      labelNameAt = Arrays.copyOf(labelNameAt, grown);
      labelValueAt = Arrays.copyOf(labelValueAt, grown);
    }
    labels[labelCount] = cache.attribute(name, quotedArray, quotedOffset, quotedLength);
    labelNameAt[labelCount] = nameStart - s;
    labelValueAt[labelCount] = valueStart - s;
    labelCount++;
    return i;
  }

  private Set<String> seenNames;

  private boolean isDuplicate(String name) {
    // Quadratic is fastest for the usual handful of labels; a set keeps hostile lines linear.
    if (labelCount <= 16) {
      // Names mostly come from the cache as shared instances; the cached hash rules out the rest.
      int hash = name.hashCode();
      for (int k = 0; k < labelCount; k++) {
        String key = labels[k].key();
        if (key == name || (key.hashCode() == hash && key.equals(name))) return true;
      }
      return false;
    }
    if (labelCount == 17) {
      seenNames = new HashSet<>();
      for (int k = 0; k < labelCount; k++) seenNames.add(labels[k].key());
    }
    return !seenNames.add(name);
  }

  /**
   * Reads a quoted string starting at the opening quote; leaves the unescaped bytes in {@code
   * quoted*} (aliasing the line when there is nothing to unescape) and returns the index after
   * the closing quote.
   */
  private int readQuoted(int open, String what) throws MetricParseException {
    int i = open + 1;
    while (i < e && b[i] != '"' && b[i] != '\\') i++;
    if (i < e && b[i] == '"') {
      quotedArray = b;
      quotedOffset = open + 1;
      quotedLength = i - open - 1;
      return i + 1;
    }
    byte[] out = ensure(quotedScratch, e - open);
    quotedScratch = out;
    int n = i - open - 1;
    System.arraycopy(b, open + 1, out, 0, n);
    while (i < e) {
      byte c = b[i];
      if (c == '"') {
        quotedArray = out;
        quotedOffset = 0;
        quotedLength = n;
        return i + 1;
      }
      if (c == '\\') {
        if (i + 1 == e) break;
        byte next = b[i + 1];
        if (next == '\\' || next == '"') out[n++] = next;
        else if (next == 'n') out[n++] = '\n';
        else {
          throw error(i, "expected \\\\, \\\" or \\n after backslash in " + what + ", got "
              + describe(i + 1));
        }
        i += 2;
        continue;
      }
      out[n++] = c;
      i++;
    }
    throw error(e, "expected '\"' at end of " + what + ", got end of line");
  }

  /** Reads a legacy or quoted metric name at {@code i}; -1 when none starts there. */
  private int readMetricName(int i) throws MetricParseException {
    byte c = b[i];
    if (c == '"') {
      int after = readQuoted(i, "quoted name");
      if (quotedLength == 0) throw error(i, "expected a name inside the quotes, got \"\"");
      if (quotedArray == b) {
        setName(b, quotedOffset, quotedLength);
      } else {
        nameScratch = ensure(nameScratch, quotedLength);
        System.arraycopy(quotedArray, 0, nameScratch, 0, quotedLength);
        setName(nameScratch, 0, quotedLength);
      }
      return after;
    }
    if (!isMetricNameStart(c)) return -1;
    int j = i + 1;
    while (j < e && isMetricNameChar(b[j])) j++;
    setName(b, i, j - i);
    return j;
  }

  private void setName(byte[] array, int offset, int length) {
    nameArray = array;
    nameOffset = offset;
    nameLength = length;
  }

  /** The metric name of the current entry as a String (allocates; call once per family). */
  String name() {
    return new String(nameArray, nameOffset, nameLength, StandardCharsets.UTF_8);
  }

  /** Whether the current entry's metric name is spelled by exactly these bytes. */
  boolean nameEquals(byte[] other) {
    return Arrays.equals(nameArray, nameOffset, nameOffset + nameLength, other, 0, other.length);
  }

  /** The sample's labels without the one at {@code excluded} (-1 for none). */
  Attributes attributes(int excluded) {
    int n = labelCount - (excluded >= 0 ? 1 : 0);
    if (n == 0) return Attributes.EMPTY;
    attributeScratch.clear();
    for (int k = 0; k < labelCount; k++) {
      if (k != excluded) attributeScratch.add(labels[k]);
    }
    return Attributes.of(attributeScratch);
  }

  /** Index of the label named {@code name}, or -1. */
  int labelIndex(String name) {
    for (int k = 0; k < labelCount; k++) {
      if (labels[k].key().equals(name)) return k;
    }
    return -1;
  }

  /** The value text as written, for messages. */
  String valueText() {
    return new String(b, s + valueAt, valueEnd - valueAt, StandardCharsets.UTF_8);
  }

  MetricParseException error(int index, String reason) {
    return lines.error(index - s, reason);
  }

  /** An error at an offset relative to the line start. */
  MetricParseException errorAt(int offset, String reason) {
    return lines.error(offset, reason);
  }

  private int skipBlank(int i) {
    while (i < e && isBlank(b[i])) i++;
    return i;
  }

  private boolean isWord(int from, int to, String word) {
    if (to - from != word.length()) return false;
    for (int k = 0; k < word.length(); k++) {
      if (b[from + k] != word.charAt(k)) return false;
    }
    return true;
  }

  private boolean isWordIgnoreCase(int from, int to, String lowerCaseWord) {
    if (to - from != lowerCaseWord.length()) return false;
    for (int k = 0; k < lowerCaseWord.length(); k++) {
      int c = b[from + k];
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      if (c != lowerCaseWord.charAt(k)) return false;
    }
    return true;
  }

  /** The character at {@code i} for messages: {@code '}'}, {@code U+00A0}, or end of line. */
  private String describe(int i) {
    if (i >= e) return "end of line";
    int c = b[i] & 0xFF;
    if (c == '\t') return "'\\t'";
    if (c >= 0x20 && c < 0x7F) return "'" + (char) c + "'";
    if (c < 0x80) return String.format("U+%04X", c);
    int end = i + 1;
    while (end < e && (b[end] & 0xC0) == 0x80) end++;
    String text = new String(b, i, end - i, StandardCharsets.UTF_8);
    return "'" + text + "'";
  }

  /** The bytes as a quoted string, control characters spelled out ({@code "gauge\\r"}). */
  private String quote(int from, int to) {
    String text = new String(b, from, to - from, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7F) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static byte[] ensure(byte[] array, int length) {
    return array.length >= length ? array : new byte[Math.max(length, array.length * 2)];
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isMetricNameStart(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private static boolean isMetricNameChar(byte c) {
    return isMetricNameStart(c) || (c >= '0' && c <= '9');
  }

  private static boolean isLabelNameStart(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isLabelNameChar(byte c) {
    return isLabelNameStart(c) || (c >= '0' && c <= '9');
  }
}

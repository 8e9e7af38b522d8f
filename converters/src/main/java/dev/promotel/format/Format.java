package dev.promotel.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric formats promotel reads and writes: ids and aliases ({@code --from}, {@code --to}),
 * file extensions, media types, what each can carry, and content sniffing. Content decides; the
 * file extension only breaks ties.
 */
public enum Format {
  PROM(
      "prom",
      List.of("prometheus", "text"),
      List.of(".prom", ".txt", ".metrics"),
      "text/plain; version=0.0.4; charset=utf-8",
      "Prometheus text exposition 0.0.4",
      EnumSet.noneOf(Capability.class)),
  OM(
      "om",
      List.of("openmetrics"),
      List.of(".om", ".openmetrics"),
      "application/openmetrics-text; version=1.0.0; charset=utf-8",
      "OpenMetrics 1.0 text",
      EnumSet.of(
          Capability.EXEMPLARS,
          Capability.UNITS,
          Capability.START_TIMES,
          Capability.INFO_STATESET,
          Capability.GAUGE_HISTOGRAMS)),
  OTLP_JSON(
      "otlp-json",
      List.of(),
      List.of(".json"),
      "application/json",
      "one OTLP ExportMetricsServiceRequest JSON document (--pretty indents)",
      Capabilities.OTLP),
  OTLP_JSONL(
      "otlp-jsonl",
      List.of("jsonl"),
      List.of(".jsonl", ".ndjson"),
      "application/jsonl",
      "OTLP JSON Lines, one request per line (Collector file exporter json)",
      Capabilities.OTLP),
  OTLP_PB(
      "otlp-pb",
      List.of("otlp", "otlp-proto"),
      List.of(".pb", ".binpb", ".otlp"),
      "application/x-protobuf",
      "OTLP protobuf; --framing none|u32be|varint (u32be = Collector file exporter proto)",
      Capabilities.OTLP);

  /**
   * Capability sets shared by several formats. OTLP holds everything but gauge histograms; info and
   * stateset families travel as sums or gauges with a {@code prometheus.type} metadata entry, so
   * they are not a capability of their own.
   */
  private static final class Capabilities {
    static final Set<Capability> OTLP =
        EnumSet.of(
            Capability.EXEMPLARS,
            Capability.UNITS,
            Capability.START_TIMES,
            Capability.EXPONENTIAL_HISTOGRAMS,
            Capability.RESOURCES,
            Capability.DELTA);
  }

  /** What a format can hold; anything else is dropped and reported when writing it. */
  public enum Capability {
    EXEMPLARS("exemplars"),
    UNITS("units"),
    START_TIMES("start times (_created)"),
    INFO_STATESET("info and stateset types"),
    GAUGE_HISTOGRAMS("gauge histograms"),
    EXPONENTIAL_HISTOGRAMS("exponential (native) histograms"),
    RESOURCES("resource and scope"),
    DELTA("delta temporality");

    private final String description;

    Capability(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final String id;
  private final List<String> aliases;
  private final List<String> extensions;
  private final String mediaType;
  private final String description;
  private final Set<Capability> capabilities;

  Format(
      String id,
      List<String> aliases,
      List<String> extensions,
      String mediaType,
      String description,
      Set<Capability> capabilities) {
    this.id = id;
    this.aliases = aliases;
    this.extensions = extensions;
    this.mediaType = mediaType;
    this.description = description;
    this.capabilities = capabilities;
  }

  public String id() {
    return id;
  }

  public List<String> aliases() {
    return aliases;
  }

  public List<String> extensions() {
    return extensions;
  }

  public String mediaType() {
    return mediaType;
  }

  public String description() {
    return description;
  }

  public Set<Capability> capabilities() {
    return EnumSet.copyOf(capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : capabilities);
  }

  public boolean can(Capability capability) {
    return capabilities.contains(capability);
  }

  /** The format for an id or alias, case-insensitive. */
  public static Format fromId(String idOrAlias) {
    String wanted = idOrAlias.toLowerCase(Locale.ROOT);
    for (Format f : values()) {
      if (f.id.equals(wanted) || f.aliases.contains(wanted)) return f;
    }
    List<String> known = new ArrayList<>();
    for (Format f : values()) known.add(f.id);
    throw new IllegalArgumentException(
        "unknown format '" + idOrAlias + "'; expected one of " + String.join(", ", known));
  }

  /** The format a file name's extension suggests (compression suffixes ignored), if any. */
  public static Optional<Format> fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|zst|xz|bz2)$", "");
    for (Format f : values()) {
      for (String ext : f.extensions) {
        if (name.endsWith(ext)) return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static final Pattern OM_ONLY_TYPE =
      Pattern.compile("^# TYPE \\S+ (info|stateset|gaugehistogram|unknown)\\s*$", Pattern.MULTILINE);
  private static final Pattern COUNTER_TYPE =
      Pattern.compile("^# TYPE (\\S+) counter\\s*$", Pattern.MULTILINE);
  private static final Pattern EXEMPLAR = Pattern.compile("^[^#\\n][^\\n]* # \\{", Pattern.MULTILINE);

  /**
   * Guesses the format from the first bytes of an (already decompressed) input.
   *
   * <ul>
   *   <li>A {@code '{'} after leading whitespace is OTLP JSON: JSON Lines ({@link #OTLP_JSONL})
   *       when the first object closes on its first line, one document ({@link #OTLP_JSON}) when a
   *       line break comes first. A lone compact object is both; the extension decides, else
   *       JSON Lines (what the Collector writes).
   *   <li>OTLP protobuf ({@link #OTLP_PB}) when the bytes open a request in one of the three
   *       framings: the tag {@code 0x0a} of field 1 ({@code resource_metrics}) first, or after a
   *       non-zero 4-byte big-endian or varint length, or a zstd frame after a 4-byte length; and
   *       the head holds a control byte other than tab, line feed, form feed and carriage return,
   *       as every request does (tags such as {@code 0x12}, small lengths) and text never does.
   *       Other binary input is left to the text readers, which report where it goes wrong.
   *   <li>Otherwise text. Evidence of OpenMetrics: {@code # EOF}, {@code # UNIT}, an
   *       OpenMetrics-only type, an exemplar, or a counter whose TYPE line lacks the {@code _total}
   *       its samples carry. Otherwise the file name's extension, otherwise Prometheus text.
   * </ul>
   *
   * <p>Same as {@link #sniff(byte[], int, String, boolean)} with a head that may be only the start
   * of the input.
   */
  public static Format sniff(byte[] head, int length, String fileName) {
    return sniff(head, length, fileName, false);
  }

  /**
   * As {@link #sniff(byte[], int, String)}; when {@code whole} says the head is the entire input
   * and it has no {@code # EOF} line (which OpenMetrics requires), a counter TYPE without the
   * {@code _total} of its samples is no evidence: promtool reads such a file as Prometheus text
   * 0.0.4, e.g. {@code # TYPE foo counter\nfoo_total 1\n} is {@link #PROM}. OpenMetrics-only syntax
   * ({@code # UNIT}, info/stateset/gaugehistogram types, exemplars) and the extension still count.
   */
  public static Format sniff(byte[] head, int length, String fileName, boolean whole) {
    Optional<Format> byName = fromFileName(fileName == null ? "" : fileName);
    int first = 0;
    while (first < length && isJsonWhitespace(head[first])) first++;
    if (first < length && head[first] == '{') return sniffJson(head, first, length, byName);
    if (hasControlByte(head, length) && opensProtobufRequest(head, length)) return OTLP_PB;
    String text = new String(head, 0, length, StandardCharsets.UTF_8);
    if (looksLikeOpenMetrics(text, whole)) return OM;
    Format named = byName.orElse(PROM);
    return named == PROM || named == OM ? named : PROM;
  }

  private static boolean isJsonWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static boolean hasControlByte(byte[] head, int length) {
    for (int i = 0; i < length; i++) {
      int b = head[i] & 0xff;
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r') || b == 0x7f) return true;
    }
    return false;
  }

  private static boolean opensProtobufRequest(byte[] head, int length) {
    if (length == 0) return false;
    if (head[0] == 0x0a) return true;
    if (length > 4) {
      long u32 = (head[0] & 0xffL) << 24 | (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8
          | (head[3] & 0xff);
      boolean zstd = length > 8 && (head[4] & 0xff) == 0x28 && (head[5] & 0xff) == 0xb5
          && (head[6] & 0xff) == 0x2f && (head[7] & 0xff) == 0xfd;
      if (u32 > 0 && (head[4] == 0x0a || zstd)) return true;
    }
    int i = 0;
    long varint = 0;
    while (i < length && i < 5) {
      varint |= (long) (head[i] & 0x7f) << (7 * i);
      if ((head[i++] & 0x80) == 0) return varint > 0 && i < length && head[i] == 0x0a;
    }
    return false;
  }

  /** Follows the first JSON object from {@code start} (a '{') to see whether it ends on its line. */
  private static Format sniffJson(byte[] head, int start, int length, Optional<Format> byName) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < length; i++) {
      byte b = head[i];
      if (inString) {
        if (b == '\\') i++;
        else if (b == '"') inString = false;
        else if (b == '\n') return OTLP_JSON;
        continue;
      }
      switch (b) {
        case '"' -> inString = true;
        case '{', '[' -> depth++;
        case '}', ']' -> {
          if (--depth == 0) return afterFirstObject(head, i + 1, length, byName);
        }
        case '\n' -> {
          return OTLP_JSON;
        }
        default -> {}
      }
    }
    // The first line is longer than the head: only a compact writer makes such lines.
    return byName.filter(f -> f == OTLP_JSON).orElse(OTLP_JSONL);
  }

  private static Format afterFirstObject(
      byte[] head, int from, int length, Optional<Format> byName) {
    for (int i = from; i < length; i++) {
      if (head[i] == '{') return OTLP_JSONL;
      if (!isJsonWhitespace(head[i])) break;
    }
    return byName.filter(f -> f == OTLP_JSON).orElse(OTLP_JSONL);
  }

  private static boolean hasEofLine(String text) {
    return text.startsWith("# EOF") || text.contains("\n# EOF");
  }

  private static boolean looksLikeOpenMetrics(String text, boolean whole) {
    if (hasEofLine(text)) return true;
    if (text.startsWith("# UNIT ") || text.contains("\n# UNIT ")) return true;
    if (OM_ONLY_TYPE.matcher(text).find() || EXEMPLAR.matcher(text).find()) return true;
    // A counter family whose samples carry _total is also valid Prometheus text 0.0.4 (promtool
    // reads them as untyped samples): evidence only while the rest, and its # EOF, may follow.
    if (whole) return false;
    Matcher counter = COUNTER_TYPE.matcher(text);
    while (counter.find()) {
      String name = counter.group(1);
      if (!name.endsWith("_total") && text.contains("\n" + name + "_total")) return true;
    }
    return false;
  }
}

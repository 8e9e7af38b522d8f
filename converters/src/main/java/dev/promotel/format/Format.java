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
          Capability.GAUGE_HISTOGRAMS));

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
   * Guesses the format from the first bytes of an (already decompressed) input. Evidence of
   * OpenMetrics: {@code # EOF}, {@code # UNIT}, an OpenMetrics-only type, an exemplar, or a counter
   * whose TYPE line lacks the {@code _total} its samples carry. Otherwise the file name's
   * extension, otherwise Prometheus text.
   */
  public static Format sniff(byte[] head, int length, String fileName) {
    String text = new String(head, 0, length, StandardCharsets.UTF_8);
    if (looksLikeOpenMetrics(text)) return OM;
    return fromFileName(fileName == null ? "" : fileName).orElse(PROM);
  }

  private static boolean looksLikeOpenMetrics(String text) {
    if (text.startsWith("# EOF") || text.contains("\n# EOF")) return true;
    if (text.startsWith("# UNIT ") || text.contains("\n# UNIT ")) return true;
    if (OM_ONLY_TYPE.matcher(text).find() || EXEMPLAR.matcher(text).find()) return true;
    Matcher counter = COUNTER_TYPE.matcher(text);
    while (counter.find()) {
      String name = counter.group(1);
      if (!name.endsWith("_total") && text.contains("\n" + name + "_total")) return true;
    }
    return false;
  }
}

package dev.promotel.cli;

import dev.promotel.translate.mapping.OtlpToPrometheusOptions;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.Delta;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.ExpHistogramText;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.Stale;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.TargetInfo;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import dev.promotel.translate.naming.TranslationStrategy;
import dev.promotel.translate.naming.UnitDialect;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The mapping flags of {@code convert} (specs/translation.md §11): the choices of {@link
 * OtlpToPrometheusOptions} (used when OTLP input is written as Prometheus text) and of {@link
 * PrometheusToOtlpOptions} (Prometheus text written as OTLP). Each flag changes one default; flags
 * of the direction a conversion does not take are ignored. Defaults are the records' {@code
 * DEFAULTS} (a test keeps them equal).
 *
 * <p>Example: {@code --translation-strategy NoUTF8EscapingWithSuffixes --delta drop
 * --target-info never --default-timestamp 2024-03-12T10:00:00Z}.
 */
final class TranslationOptions {
  // ------------------------------------------------------------------ OTLP → Prometheus

  @Option(
      names = "--translation-strategy",
      paramLabel = "STRATEGY",
      defaultValue = "UnderscoreEscapingWithSuffixes",
      converter = StrategyConverter.class,
      completionCandidates = StrategyConverter.class,
      description = "OTLP → text: how metric names are built: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  TranslationStrategy strategy;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "",
      description = "OTLP → text: prefix every metric name with NS_ (default: none).")
  String namespace;

  @Option(
      names = "--unit-dialect",
      paramLabel = "DIALECT",
      defaultValue = "otlptranslator",
      converter = UnitDialectConverter.class,
      completionCandidates = UnitDialectConverter.class,
      description = "OTLP → text: unit table for name suffixes: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  UnitDialect unitDialect;

  @Option(
      names = "--label-underscore-key-prefix",
      description = "OTLP → text: a label name starting with _ gets the key_ prefix (Prometheus server legacy).")
  boolean labelUnderscoreKeyPrefix;

  @Option(
      names = "--preserve-multiple-underscores",
      description = "OTLP → text: keep runs of _ in label names instead of collapsing them.")
  boolean preserveMultipleUnderscores;

  @Option(
      names = "--no-scope-labels",
      description = "OTLP → text: leave out the otel_scope_* labels.")
  boolean noScopeLabels;

  @Option(
      names = "--no-job-instance",
      description = "OTLP → text: leave out the job and instance labels made from service.*.")
  boolean noJobInstance;

  @Option(
      names = "--target-info",
      paramLabel = "WHEN",
      defaultValue = "auto",
      converter = TargetInfoConverter.class,
      completionCandidates = TargetInfoConverter.class,
      description = "OTLP → text: when a target_info series is written per resource: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  TargetInfo targetInfo;

  @Option(
      names = "--promote-resource-attributes",
      paramLabel = "KEY",
      split = ",",
      description = "OTLP → text: copy these resource attributes onto every series (comma-separated).")
  List<String> promoteResourceAttributes = new ArrayList<>();

  @Option(
      names = "--promote-all-resource-attributes",
      description = "OTLP → text: copy every non-identifying resource attribute onto every series.")
  boolean promoteAllResourceAttributes;

  @Option(
      names = "--ignore-resource-attributes",
      paramLabel = "KEY",
      split = ",",
      description = "OTLP → text: with --promote-all-resource-attributes, except these (comma-separated).")
  List<String> ignoreResourceAttributes = new ArrayList<>();

  @Option(
      names = "--keep-identifying-resource-attributes",
      description = "OTLP → text: keep service.name, service.namespace and service.instance.id in target_info.")
  boolean keepIdentifyingResourceAttributes;

  @Option(
      names = "--delta",
      paramLabel = "MODE",
      defaultValue = "accumulate",
      converter = DeltaConverter.class,
      completionCandidates = DeltaConverter.class,
      description = "OTLP → text: delta sums and histograms: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; accumulate sums monotonic deltas per series, drops the rest).")
  Delta delta;

  @Option(
      names = "--max-delta-series",
      paramLabel = "N",
      defaultValue = "100000",
      converter = OptionTypes.CountConverter.class,
      description = "OTLP → text: most series the delta accumulator remembers; points of further series are dropped (default: ${DEFAULT-VALUE}).")
  int maxDeltaSeries;

  @Option(
      names = "--exp-histogram-text",
      paramLabel = "MODE",
      defaultValue = "drop",
      converter = ExpHistogramConverter.class,
      completionCandidates = ExpHistogramConverter.class,
      description = "OTLP → text: exponential histograms: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; classic writes buckets with bounds base^k).")
  ExpHistogramText expHistogramText;

  @Option(
      names = "--no-exemplars",
      description = "OTLP → text: drop all exemplars.")
  boolean noExemplars;

  @Option(
      names = "--stale",
      paramLabel = "MODE",
      defaultValue = "drop",
      converter = StaleConverter.class,
      completionCandidates = StaleConverter.class,
      description = "OTLP → text: points flagged NoRecordedValue: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; nan writes the StaleNaN value).")
  Stale stale;

  @Option(
      names = "--with-timestamps",
      description = "OTLP → text: keep sample timestamps (default: omitted, as pull formats do).")
  boolean withTimestamps;

  // ------------------------------------------------------------------ Prometheus → OTLP

  @Option(
      names = "--trim-suffixes",
      description = "Text → OTLP: remove _total and the _<unit> suffix from metric names.")
  boolean trimSuffixes;

  @Option(
      names = "--no-type-metadata",
      description = "Text → OTLP: leave out the prometheus.type metric metadata.")
  boolean noTypeMetadata;

  @Option(
      names = "--scope-name",
      paramLabel = "NAME",
      defaultValue = "",
      description = "Text → OTLP: scope of series without otel_scope_* labels (default: an empty scope).")
  String scopeName;

  @Option(
      names = "--scope-version",
      paramLabel = "VERSION",
      defaultValue = "",
      description = "Text → OTLP: version of the --scope-name scope (default: none).")
  String scopeVersion;

  @Option(
      names = "--split-job-namespace",
      description = "Text → OTLP: job=\"ns/name\" becomes service.namespace=ns and service.name=name.")
  boolean splitJobNamespace;

  @Option(
      names = "--keep-job-instance-labels",
      description = "Text → OTLP: keep job and instance as point attributes too.")
  boolean keepJobInstanceLabels;

  @Option(
      names = "--default-timestamp",
      paramLabel = "TIME",
      converter = TimestampConverter.class,
      description = "Text → OTLP: time of samples without one, RFC 3339 or epoch milliseconds (default: the conversion time).")
  Long defaultTimestampUnixNano;

  @Option(
      names = "--max-buffered-families",
      paramLabel = "N",
      defaultValue = "1000",
      converter = OptionTypes.CountConverter.class,
      description = "Text → OTLP: most families held back while waiting for their target_info (default: ${DEFAULT-VALUE}).")
  int maxBufferedFamilies;

  @Option(
      names = "--max-buffered-points",
      paramLabel = "N",
      defaultValue = "100000",
      converter = OptionTypes.CountConverter.class,
      description = "Text → OTLP: most points held back while waiting for target_info (default: ${DEFAULT-VALUE}).")
  int maxBufferedPoints;

  /** The OTLP → Prometheus choices; a usage error (exit 2) for flags that need another. */
  OtlpToPrometheusOptions toPrometheus() {
    if (!ignoreResourceAttributes.isEmpty() && !promoteAllResourceAttributes) {
      throw new ExitException(ExitCodes.USAGE,
          "--ignore-resource-attributes needs --promote-all-resource-attributes");
    }
    OtlpToPrometheusOptions o = OtlpToPrometheusOptions.DEFAULTS
        .withStrategy(strategy)
        .withNamespace(namespace)
        .withUnitDialect(unitDialect)
        .withLabelSanitizing(labelUnderscoreKeyPrefix, preserveMultipleUnderscores)
        .withScopeLabels(!noScopeLabels)
        .withJobInstance(!noJobInstance)
        .withTargetInfo(targetInfo)
        .withPromoteResourceAttributes(trimmed(promoteResourceAttributes))
        .withKeepIdentifyingResourceAttributes(keepIdentifyingResourceAttributes)
        .withDelta(delta)
        .withMaxDeltaSeries(maxDeltaSeries)
        .withExpHistogramText(expHistogramText)
        .withExemplars(!noExemplars)
        .withStale(stale)
        .withTimestamps(withTimestamps);
    return promoteAllResourceAttributes
        ? o.withPromoteAllResourceAttributes(trimmed(ignoreResourceAttributes))
        : o;
  }

  /** The Prometheus → OTLP choices. */
  PrometheusToOtlpOptions toOtlp() {
    PrometheusToOtlpOptions o = PrometheusToOtlpOptions.DEFAULTS
        .withTrimSuffixes(trimSuffixes)
        .withTypeMetadata(!noTypeMetadata)
        .withScope(scopeName, scopeVersion)
        .withSplitJobNamespace(splitJobNamespace)
        .withKeepJobInstanceLabels(keepJobInstanceLabels)
        .withBuffer(maxBufferedFamilies, maxBufferedPoints);
    return defaultTimestampUnixNano == null ? o : o.withDefaultTimestamp(defaultTimestampUnixNano);
  }

  private static List<String> trimmed(List<String> keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      if (!k.isBlank()) out.add(k.trim());
    }
    return out;
  }

  // ------------------------------------------------------------------ value spellings

  static final class StrategyConverter extends OptionTypes.Ids<TranslationStrategy> {
    StrategyConverter() {
      super(TranslationStrategy::fromId,
          () -> idsOf(TranslationStrategy.values(), TranslationStrategy::id));
    }
  }

  static final class UnitDialectConverter extends OptionTypes.Ids<UnitDialect> {
    UnitDialectConverter() {
      super(UnitDialect::fromId, () -> idsOf(UnitDialect.values(), UnitDialect::id));
    }
  }

  static final class TargetInfoConverter extends OptionTypes.EnumIds<TargetInfo> {
    TargetInfoConverter() {
      super(TargetInfo.class);
    }
  }

  static final class DeltaConverter extends OptionTypes.EnumIds<Delta> {
    DeltaConverter() {
      super(Delta.class);
    }
  }

  static final class ExpHistogramConverter extends OptionTypes.EnumIds<ExpHistogramText> {
    ExpHistogramConverter() {
      super(ExpHistogramText.class);
    }
  }

  static final class StaleConverter extends OptionTypes.EnumIds<Stale> {
    StaleConverter() {
      super(Stale.class);
    }
  }

  /**
   * {@code --default-timestamp}: RFC 3339 ({@code 2024-03-12T10:00:00Z}, {@code
   * 2024-03-12T12:00:00.5+02:00}) or whole epoch milliseconds ({@code 1710237600000}), as Unix
   * nanoseconds; at or before the epoch is refused (the model's 0 means unset).
   */
  static final class TimestampConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String s = value.trim();
      Instant at;
      try {
        at = s.chars().allMatch(Character::isDigit) && !s.isEmpty()
            ? Instant.ofEpochMilli(Long.parseLong(s))
            : OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeException | NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is neither an RFC 3339 time"
            + " (2024-03-12T10:00:00Z) nor epoch milliseconds (1710237600000)");
      }
      if (!at.isAfter(Instant.EPOCH) || at.getEpochSecond() >= Long.MAX_VALUE / 1_000_000_000L) {
        throw new TypeConversionException("'" + value + "' is out of range: it must lie after"
            + " 1970-01-01T00:00:00Z and before the year 2262");
      }
      return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
  }
}

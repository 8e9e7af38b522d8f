package dev.promotel.translate.mapping;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The choices of {@link PrometheusToOtlp}, one per flag of specs/translation.md §11 ("Prometheus /
 * OpenMetrics → OTLP") that changes a default, plus the target_info buffer bounds. {@link
 * #DEFAULTS} are the spec's recommended defaults.
 *
 * <p>Example: {@code PrometheusToOtlpOptions.DEFAULTS.withDefaultTimestamp(1_700_000_000_000_000_000L)}
 * stamps samples without a timestamp with that time instead of the conversion time.
 *
 * @param defaultTimestampUnixNano time for samples without one ({@code --default-timestamp}); empty
 *     = the conversion time
 * @param trimSuffixes remove {@code _total} and the {@code _<unit>} suffix ({@code --trim-suffixes})
 * @param typeMetadata keep the Prometheus type ({@code prometheus.type}); off with {@code
 *     --no-type-metadata}
 * @param scopeName scope for series without {@code otel_scope_*} labels, empty = no scope ({@code
 *     --scope-name})
 * @param scopeVersion version of that scope
 * @param splitJobNamespace {@code job="ns/name"} becomes service.namespace and service.name ({@code
 *     --split-job-namespace})
 * @param keepJobInstanceLabels keep {@code job}/{@code instance} as point attributes too ({@code
 *     --keep-job-instance-labels})
 * @param maxBufferedFamilies families held back while waiting for {@code target_info}
 * @param maxBufferedPoints points held back while waiting for {@code target_info}
 */
public record PrometheusToOtlpOptions(
    OptionalLong defaultTimestampUnixNano,
    boolean trimSuffixes,
    boolean typeMetadata,
    String scopeName,
    String scopeVersion,
    boolean splitJobNamespace,
    boolean keepJobInstanceLabels,
    int maxBufferedFamilies,
    int maxBufferedPoints) {

  public static final PrometheusToOtlpOptions DEFAULTS = new PrometheusToOtlpOptions(
      OptionalLong.empty(), false, true, "", "", false, false, 1_000, 100_000);

  public PrometheusToOtlpOptions {
    Objects.requireNonNull(defaultTimestampUnixNano, "defaultTimestampUnixNano (use empty)");
    Objects.requireNonNull(scopeName, "scopeName (use \"\" for none)");
    Objects.requireNonNull(scopeVersion, "scopeVersion (use \"\" for none)");
    if (defaultTimestampUnixNano.isPresent() && defaultTimestampUnixNano.getAsLong() <= 0) {
      throw new IllegalArgumentException("defaultTimestampUnixNano must be > 0, got "
          + defaultTimestampUnixNano.getAsLong());
    }
    if (maxBufferedFamilies < 0 || maxBufferedPoints < 0) {
      throw new IllegalArgumentException("buffer bounds must be >= 0");
    }
  }

  public PrometheusToOtlpOptions withDefaultTimestamp(long unixNano) {
    return new PrometheusToOtlpOptions(OptionalLong.of(unixNano), trimSuffixes, typeMetadata,
        scopeName, scopeVersion, splitJobNamespace, keepJobInstanceLabels, maxBufferedFamilies,
        maxBufferedPoints);
  }

  public PrometheusToOtlpOptions withTrimSuffixes(boolean v) {
    return new PrometheusToOtlpOptions(defaultTimestampUnixNano, v, typeMetadata,
        scopeName, scopeVersion, splitJobNamespace, keepJobInstanceLabels, maxBufferedFamilies,
        maxBufferedPoints);
  }

  public PrometheusToOtlpOptions withTypeMetadata(boolean v) {
    return new PrometheusToOtlpOptions(defaultTimestampUnixNano, trimSuffixes, v,
        scopeName, scopeVersion, splitJobNamespace, keepJobInstanceLabels, maxBufferedFamilies,
        maxBufferedPoints);
  }

  public PrometheusToOtlpOptions withScope(String name, String version) {
    return new PrometheusToOtlpOptions(defaultTimestampUnixNano, trimSuffixes, typeMetadata,
        name, version, splitJobNamespace, keepJobInstanceLabels, maxBufferedFamilies,
        maxBufferedPoints);
  }

  public PrometheusToOtlpOptions withSplitJobNamespace(boolean v) {
    return new PrometheusToOtlpOptions(defaultTimestampUnixNano, trimSuffixes, typeMetadata,
        scopeName, scopeVersion, v, keepJobInstanceLabels, maxBufferedFamilies,
        maxBufferedPoints);
  }

  public PrometheusToOtlpOptions withKeepJobInstanceLabels(boolean v) {
    return new PrometheusToOtlpOptions(defaultTimestampUnixNano, trimSuffixes, typeMetadata,
        scopeName, scopeVersion, splitJobNamespace, v, maxBufferedFamilies, maxBufferedPoints);
  }

  public PrometheusToOtlpOptions withBuffer(int families, int points) {
    return new PrometheusToOtlpOptions(defaultTimestampUnixNano, trimSuffixes, typeMetadata,
        scopeName, scopeVersion, splitJobNamespace, keepJobInstanceLabels, families, points);
  }
}

package dev.promotel.translate.mapping;

import dev.promotel.translate.naming.TranslationStrategy;
import dev.promotel.translate.naming.UnitDialect;
import java.util.List;
import java.util.Objects;

/**
 * The choices of {@link OtlpToPrometheus}, one per flag of specs/translation.md §11 ("OTLP →
 * Prometheus / OpenMetrics") that changes a default. {@link #DEFAULTS} are the spec's recommended
 * defaults; change one with the {@code withX} methods.
 *
 * <p>Example: {@code OtlpToPrometheusOptions.DEFAULTS.withNamespace("app").withTimestamps(true)}
 * names {@code http.requests} (counter) {@code app_http_requests_total} and keeps sample times.
 *
 * @param strategy how metric names are built ({@code --translation-strategy})
 * @param namespace prefix for every metric name, empty for none ({@code --namespace})
 * @param unitDialect unit table ({@code --unit-dialect})
 * @param labelUnderscoreKeyPrefix {@code _x} becomes {@code key_x} ({@code
 *     --label-underscore-key-prefix})
 * @param preserveMultipleUnderscores keep runs of {@code _} in label names ({@code
 *     --preserve-multiple-underscores})
 * @param scopeLabels add {@code otel_scope_*} labels (off with {@code --no-scope-labels})
 * @param jobInstance add {@code job} and {@code instance} from the resource (off with {@code
 *     --no-job-instance})
 * @param targetInfo when a {@code target_info} family is written ({@code --target-info})
 * @param promoteResourceAttributes resource attributes copied onto every series ({@code
 *     --promote-resource-attributes})
 * @param promoteAllResourceAttributes copy every non-identifying resource attribute onto every
 *     series, except {@code ignoreResourceAttributes} ({@code --promote-all-resource-attributes})
 * @param ignoreResourceAttributes not promoted by {@code promoteAllResourceAttributes}
 * @param keepIdentifyingResourceAttributes keep service.name, service.namespace and
 *     service.instance.id in {@code target_info} ({@code --keep-identifying-resource-attributes})
 * @param delta what happens to delta temporality ({@code --delta})
 * @param maxDeltaSeries how many series the delta accumulator remembers; points of further series
 *     are dropped and counted
 * @param expHistogramText what happens to exponential histograms ({@code --exp-histogram-text})
 * @param exemplars keep exemplars where Prometheus allows them (off with {@code --no-exemplars})
 * @param stale what happens to points flagged NoRecordedValue ({@code --stale})
 * @param withTimestamps keep sample timestamps ({@code --with-timestamps})
 */
public record OtlpToPrometheusOptions(
    TranslationStrategy strategy,
    String namespace,
    UnitDialect unitDialect,
    boolean labelUnderscoreKeyPrefix,
    boolean preserveMultipleUnderscores,
    boolean scopeLabels,
    boolean jobInstance,
    TargetInfo targetInfo,
    List<String> promoteResourceAttributes,
    boolean promoteAllResourceAttributes,
    List<String> ignoreResourceAttributes,
    boolean keepIdentifyingResourceAttributes,
    Delta delta,
    int maxDeltaSeries,
    ExpHistogramText expHistogramText,
    boolean exemplars,
    Stale stale,
    boolean withTimestamps) {

  /** {@code --target-info}: when a resource gets a {@code target_info} series. */
  public enum TargetInfo {
    /** When the resource has attributes besides the identifying ones (Prometheus' rule). */
    AUTO,
    /** For every resource that yields a job or an instance. */
    ALWAYS,
    NEVER
  }

  /** {@code --delta}: how delta sums and histograms reach a cumulative-only format. */
  public enum Delta {
    /** Monotonic delta sums and delta histograms summed per series; other deltas dropped. */
    ACCUMULATE,
    DROP,
    /** Values unchanged: sums as unknown-typed gauges, histograms as if cumulative (Prometheus). */
    PASSTHROUGH
  }

  /** {@code --exp-histogram-text}: text formats have no exponential (native) histograms. */
  public enum ExpHistogramText {
    DROP,
    /** Classic buckets with bounds base^k, the zero bucket folded into its neighbour. */
    CLASSIC
  }

  /** {@code --stale}: points flagged NoRecordedValue. */
  public enum Stale {
    DROP,
    /** Gauge and counter samples get the StaleNaN value; histograms and summaries are dropped. */
    NAN
  }

  public static final int DEFAULT_MAX_DELTA_SERIES = 100_000;

  public static final OtlpToPrometheusOptions DEFAULTS = new OtlpToPrometheusOptions(
      TranslationStrategy.UNDERSCORE_ESCAPING_WITH_SUFFIXES, "", UnitDialect.OTLPTRANSLATOR,
      false, false, true, true, TargetInfo.AUTO, List.of(), false, List.of(), false,
      Delta.ACCUMULATE, DEFAULT_MAX_DELTA_SERIES, ExpHistogramText.DROP, true, Stale.DROP, false);

  public OtlpToPrometheusOptions {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(namespace, "namespace (use \"\" for none)");
    Objects.requireNonNull(unitDialect, "unitDialect");
    Objects.requireNonNull(targetInfo, "targetInfo");
    promoteResourceAttributes = List.copyOf(promoteResourceAttributes);
    ignoreResourceAttributes = List.copyOf(ignoreResourceAttributes);
    Objects.requireNonNull(delta, "delta");
    Objects.requireNonNull(expHistogramText, "expHistogramText");
    Objects.requireNonNull(stale, "stale");
    if (maxDeltaSeries < 0) {
      throw new IllegalArgumentException("maxDeltaSeries must be >= 0, got " + maxDeltaSeries);
    }
  }

  public OtlpToPrometheusOptions withStrategy(TranslationStrategy v) {
    return new OtlpToPrometheusOptions(v, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withNamespace(String v) {
    return new OtlpToPrometheusOptions(strategy, v, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withUnitDialect(UnitDialect v) {
    return new OtlpToPrometheusOptions(strategy, namespace, v, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withLabelSanitizing(
      boolean underscoreKeyPrefix, boolean preserveUnderscores) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, underscoreKeyPrefix,
        preserveUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withScopeLabels(boolean v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, v, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withJobInstance(boolean v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, v, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withTargetInfo(TargetInfo v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, v,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withPromoteResourceAttributes(List<String> v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        v, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  /** {@code --promote-all-resource-attributes [--ignore-resource-attributes=…]}. */
  public OtlpToPrometheusOptions withPromoteAllResourceAttributes(List<String> ignored) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, true, ignored,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withKeepIdentifyingResourceAttributes(boolean v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        v, delta, maxDeltaSeries, expHistogramText, exemplars, stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withDelta(Delta v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, v, maxDeltaSeries, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withMaxDeltaSeries(int v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, v, expHistogramText, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withExpHistogramText(ExpHistogramText v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, v, exemplars,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withExemplars(boolean v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, v,
        stale, withTimestamps);
  }

  public OtlpToPrometheusOptions withStale(Stale v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        v, withTimestamps);
  }

  public OtlpToPrometheusOptions withTimestamps(boolean v) {
    return new OtlpToPrometheusOptions(strategy, namespace, unitDialect, labelUnderscoreKeyPrefix,
        preserveMultipleUnderscores, scopeLabels, jobInstance, targetInfo,
        promoteResourceAttributes, promoteAllResourceAttributes, ignoreResourceAttributes,
        keepIdentifyingResourceAttributes, delta, maxDeltaSeries, expHistogramText, exemplars,
        stale, v);
  }
}

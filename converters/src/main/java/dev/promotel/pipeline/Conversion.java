package dev.promotel.pipeline;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricWriter;
import dev.promotel.model.MetricFamily;
import dev.promotel.translate.mapping.OtlpToPrometheus;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions;
import dev.promotel.translate.mapping.PrometheusToOtlp;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import java.io.IOException;
import java.util.Objects;

/**
 * The transform chain of {@code convert}: which mapping each input's families go through before
 * the output writer, decided from the kind of the input's format and of the target format.
 *
 * <ul>
 *   <li>Prometheus text (0.0.4 or OpenMetrics) into an OTLP target: {@link PrometheusToOtlp}.
 *   <li>OTLP into a Prometheus text target: {@link OtlpToPrometheus}.
 *   <li>Same kind (prom → om, otlp-jsonl → otlp-pb, ...): no mapping; the writer gets the families
 *       as read.
 * </ul>
 *
 * <p>Several inputs of different kinds into one output: each input goes through the chain of its
 * own kind. Only the kind that differs from the target's needs a mapping; it is made once, at the
 * first input of that kind, and shared by every later one, because its state belongs to the
 * output, not to one file: {@link
 * OtlpToPrometheus} holds its families until the end, merging requests into one family per name
 * with the latest point per series and one {@code target_info} family first (text allows each
 * family name once), and accumulates delta points across files (a Collector's rotated export files continue
 * each other), and {@link PrometheusToOtlp} attaches a {@code target_info} from any input to the
 * series of the same (job, instance). The mapping ends at {@link #close()}, then the output writer
 * closes once (one {@code # EOF}). The writer keeps owning the output
 * stream.
 *
 * <p>Example: inputs {@code a.prom} and {@code b.jsonl} to {@code --to om}: {@code a.prom}'s
 * families go straight to the OpenMetrics writer, {@code b.jsonl}'s through {@code
 * OtlpToPrometheus} into the same writer after them ({@code target_info} first), then
 * {@code # EOF}.
 */
public final class Conversion implements AutoCloseable {
  /** The two metric data models promotel maps between. */
  public enum Kind {
    /** Prometheus text 0.0.4 and OpenMetrics: labels, job/instance, target_info, no resources. */
    PROMETHEUS,
    /** OTLP in any encoding: resources, scopes, attributes, temporality. */
    OTLP;

    /** The kind of a format. */
    public static Kind of(Format format) {
      return switch (format) {
        case PROM, OM -> PROMETHEUS;
        default -> OTLP;
      };
    }
  }

  private final Kind target;
  private final MetricWriter output;
  private final OtlpToPrometheusOptions toPrometheus;
  private final PrometheusToOtlpOptions toOtlp;
  private final Diagnostics diagnostics;
  private final MetricWriter shared;
  /** The mapping from the other kind, once an input of that kind came; else null. */
  private MetricWriter mapping;
  private boolean closed;

  /**
   * A conversion into {@code output}, a writer of {@code target}; the options of the mapping that
   * is not used are ignored.
   */
  public Conversion(
      Format target,
      MetricWriter output,
      OtlpToPrometheusOptions toPrometheus,
      PrometheusToOtlpOptions toOtlp,
      Diagnostics diagnostics) {
    this.target = Kind.of(Objects.requireNonNull(target, "target"));
    this.output = Objects.requireNonNull(output, "output");
    this.toPrometheus = Objects.requireNonNull(toPrometheus, "toPrometheus");
    this.toOtlp = Objects.requireNonNull(toOtlp, "toOtlp");
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    this.shared = MetricWriter.keepOpen(output);
  }

  /**
   * Where the families of an input in {@code source} format go: the output writer itself, or the
   * mapping for its kind (made at the first call for that kind). Do not close what this returns;
   * {@link #close()} does.
   */
  public MetricWriter sinkFor(Format source) {
    if (closed) throw new IllegalStateException("sinkFor() after close()");
    Kind from = Kind.of(source);
    if (from == target) return output;
    if (mapping == null) mapping = mappingFrom(from);
    return mapping;
  }

  /** The mapping from {@code from} to the target kind (they differ). */
  private MetricWriter mappingFrom(Kind from) {
    return switch (from) {
      case PROMETHEUS -> new PrometheusToOtlp(shared, toOtlp, diagnostics);
      case OTLP -> new OtlpToPrometheus(shared, toPrometheus, diagnostics);
    };
  }

  /**
   * Ends the mapping, if any (it writes what it held back: {@code target_info}, buffered
   * families), then closes the output writer, which writes its trailer. The writer is closed even
   * when the mapping fails; the first failure is thrown.
   */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    IOException failure = null;
    if (mapping != null) {
      try {
        mapping.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    try {
      output.close();
    } catch (IOException e) {
      if (failure == null) failure = e;
    }
    if (failure != null) throw failure;
  }
}

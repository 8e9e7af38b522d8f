package dev.promotel.format.otlp;

import dev.promotel.format.MetricParseException;
import dev.promotel.model.AggregationTemporality;
import dev.promotel.model.Attribute;
import dev.promotel.model.AttributeValue;
import dev.promotel.model.Attributes;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.PromMetadata;
import dev.promotel.model.PromType;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the protobuf and JSON readers share once a value is decoded: the {@code prometheus.type}
 * metadata split, temporality numbers, trace/span id checks and duplicate attribute keys. Each
 * reader positions the errors itself through a {@link Failure}.
 */
final class OtlpReadMapping {
  /** The {@code Metric.metadata} key that carries the Prometheus type (OTel spec). */
  static final String PROMETHEUS_TYPE = "prometheus.type";

  static final int TRACE_ID_BYTES = 16;
  static final int SPAN_ID_BYTES = 8;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private OtlpReadMapping() {}

  /** Turns a reason into a positioned exception; the reader knows where it is. */
  @FunctionalInterface
  interface Failure {
    MetricParseException at(String reason);
  }

  /**
   * The family for one OTLP {@code Metric}; {@code prometheus.type} leaves the metadata and becomes
   * {@link PromMetadata} (a value no Prometheus type has stays in the metadata as written).
   */
  static MetricFamily family(
      String name,
      String description,
      String unit,
      Resource resource,
      Scope scope,
      MetricData data,
      List<Attribute> metadata,
      Failure fail)
      throws MetricParseException {
    if (name.isEmpty()) throw fail.at("metric has no name; every OTLP metric needs one");
    PromMetadata prom = null;
    List<Attribute> rest = metadata;
    for (int i = 0; i < metadata.size(); i++) {
      Attribute a = metadata.get(i);
      if (!a.key().equals(PROMETHEUS_TYPE)) continue;
      PromType type =
          a.value() instanceof AttributeValue.StringValue s ? promType(s.value()) : null;
      if (type != null) {
        prom = new PromMetadata(type, name);
        rest = new ArrayList<>(metadata);
        rest.remove(i);
      }
      break;
    }
    return new MetricFamily(
        name, description, unit, resource, scope, data, attributes(rest, "metadata", fail), prom);
  }

  /** The Prometheus type named by a {@code prometheus.type} value, or null when none is. */
  static PromType promType(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "counter" -> PromType.COUNTER;
      case "gauge" -> PromType.GAUGE;
      case "histogram" -> PromType.HISTOGRAM;
      case "gaugehistogram" -> PromType.GAUGEHISTOGRAM;
      case "summary" -> PromType.SUMMARY;
      case "info" -> PromType.INFO;
      case "stateset" -> PromType.STATESET;
      // "unkown" is how some Prometheus-to-OTLP bridges spelled it; the spec asks to accept both.
      case "unknown", "unkown" -> PromType.UNKNOWN;
      default -> null;
    };
  }

  /** The attribute set; duplicate keys are invalid input rather than a silent overwrite. */
  static Attributes attributes(List<Attribute> list, String what, Failure fail)
      throws MetricParseException {
    if (list.isEmpty()) return Attributes.EMPTY;
    try {
      return Attributes.of(list);
    } catch (IllegalArgumentException e) {
      throw fail.at(what + ": " + e.getMessage());
    }
  }

  /** The temporality for an OTLP enum number; numbers the proto does not define are invalid. */
  static AggregationTemporality temporality(int number, Failure fail) throws MetricParseException {
    if (number < 0 || number > 2) {
      throw fail.at(
          "unknown aggregation temporality " + number + "; expected 0 (unspecified), 1 (delta)"
              + " or 2 (cumulative)");
    }
    return AggregationTemporality.ofNumber(number);
  }

  /** The temporality named by an enum name ({@code AGGREGATION_TEMPORALITY_DELTA}), or -1. */
  static int temporalityNumber(String name) {
    return switch (name) {
      case "AGGREGATION_TEMPORALITY_UNSPECIFIED" -> 0;
      case "AGGREGATION_TEMPORALITY_DELTA" -> 1;
      case "AGGREGATION_TEMPORALITY_CUMULATIVE" -> 2;
      default -> -1;
    };
  }

  /** Lower-case hex of a trace or span id; empty stays empty, any other length is invalid. */
  static String hexId(byte[] id, int expectedBytes, String what, Failure fail)
      throws MetricParseException {
    if (id.length == 0) return "";
    if (id.length != expectedBytes) {
      throw fail.at(
          what + " must be " + expectedBytes + " bytes, got " + id.length + " bytes");
    }
    char[] out = new char[id.length * 2];
    for (int i = 0; i < id.length; i++) {
      out[2 * i] = HEX[(id[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[id[i] & 0xF];
    }
    return new String(out);
  }

  /** A hex id as JSON writes it (any case) in lower case; wrong lengths and non-hex are invalid. */
  static String hexId(String text, int expectedBytes, String what, Failure fail)
      throws MetricParseException {
    if (text.isEmpty()) return "";
    if (text.length() != expectedBytes * 2) {
      throw fail.at(
          what + " must be " + expectedBytes * 2 + " hex digits (" + expectedBytes
              + " bytes), got " + text.length() + " characters");
    }
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
        out[i] = c;
      } else if (c >= 'A' && c <= 'F') {
        out[i] = (char) (c + ('a' - 'A'));
      } else {
        throw fail.at(what + " must be hex digits, got '" + c + "' at index " + i);
      }
    }
    return new String(out);
  }
}

package dev.promotel.format.openmetrics;

import dev.promotel.model.Attribute;
import dev.promotel.model.Attributes;
import dev.promotel.model.Exemplar;
import dev.promotel.model.NumberValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exemplar labels ⇄ model exemplars: {@code trace_id} (32 hex digits) and {@code span_id} (16 hex
 * digits) become {@link Exemplar#traceId()}/{@link Exemplar#spanId()} (lower-cased), every other
 * label a filtered attribute. Ids that are not valid hex stay plain labels, so nothing is lost.
 *
 * <p>Example: {@code # {trace_id="4BF92F3577B34DA6A3CE929D0E0E4736",user="u1"} 0.67}.
 */
final class Exemplars {
  static final String TRACE_ID = "trace_id";
  static final String SPAN_ID = "span_id";

  /** OpenMetrics: label names plus values of one exemplar, in code points. */
  static final int MAX_CODE_POINTS = 128;

  private Exemplars() {}

  static Exemplar fromLabels(LabelList labels, NumberValue value, long timeUnixNano) {
    String traceId = "";
    String spanId = "";
    List<Attribute> filtered = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      String name = labels.name(i);
      String v = labels.value(i);
      if (name.equals(TRACE_ID) && isHex(v, 32)) {
        traceId = v.toLowerCase(Locale.ROOT);
      } else if (name.equals(SPAN_ID) && isHex(v, 16)) {
        spanId = v.toLowerCase(Locale.ROOT);
      } else {
        filtered.add(Attribute.of(name, v));
      }
    }
    return new Exemplar(Attributes.of(filtered), value, timeUnixNano, traceId, spanId);
  }

  static boolean isHex(String s, int length) {
    if (s.length() != length) return false;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }
}

package dev.promotel.format.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.SourcePosition;
import dev.promotel.format.internal.JacksonErrors;
import dev.promotel.model.MetricFamily;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Reads OTLP JSON metrics: one {@code ExportMetricsServiceRequest} (or {@code MetricsData})
 * document, pretty or compact, or JSON Lines with one request per line as the Collector file
 * exporter writes them. Both are a sequence of top-level objects to the parser, so no detection is
 * needed. Encoding per the OTLP spec ("JSON Protobuf Encoding"), read leniently: snake_case keys,
 * 64-bit integers as numbers or strings, enum numbers or names, unknown fields ignored.
 *
 * <p>Streaming: a jackson-core {@link JsonParser} pull loop, no data binding; one {@code
 * ResourceMetrics} is decoded at a time and yields one family per {@code Metric}.
 *
 * <p>Limits: nesting depth {@value #MAX_NESTING_DEPTH} (a 10 000-deep document fails at depth 65
 * without reading further) and strings up to {@value #MAX_STRING_CHARS} characters. Errors are
 * {@link MetricParseException}s at the offending token's line and column, e.g. {@code
 * in.json:7:25: expected an array for 'dataPoints', got a string}.
 *
 * <p>Example input: {@code {"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"up",
 * "gauge":{"dataPoints":[{"asInt":"1","timeUnixNano":"1700000000000000000"}]}}]}]}]}}.
 */
public final class OtlpJsonReader implements MetricReader {
  /** Deep enough for OTLP (an attribute array nested a dozen times), far below a stack overflow. */
  public static final int MAX_NESTING_DEPTH = 64;

  public static final int MAX_STRING_CHARS = 16 << 20;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_CHARS)
                  .maxNumberLength(1000)
                  .build())
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .build();

  private enum State {
    BETWEEN_DOCUMENTS,
    IN_DOCUMENT,
    IN_RESOURCE_METRICS
  }

  private final JsonParser parser;
  private final String source;
  private final JsonResourceReader resources;
  private final ArrayDeque<MetricFamily> pending = new ArrayDeque<>();
  private State state = State.BETWEEN_DOCUMENTS;
  private boolean done;

  public OtlpJsonReader(InputStream in, String sourceName, ReadOptions options) {
    this(in, sourceName, options, new Diagnostics());
  }

  public OtlpJsonReader(
      InputStream in, String sourceName, ReadOptions options, Diagnostics diagnostics) {
    try {
      this.parser = FACTORY.createParser(in);
    } catch (IOException e) {
      // Creating a byte-stream parser reads nothing; jackson only declares the exception.
      throw new IllegalStateException(e);
    }
    this.source = sourceName;
    this.resources = new JsonResourceReader(parser, sourceName, diagnostics, options.skipInvalidPoints());
  }

  @Override
  public Optional<MetricFamily> read() throws IOException {
    try {
      while (pending.isEmpty()) {
        if (done || !advance()) {
          done = true;
          return Optional.empty();
        }
      }
    } catch (JsonProcessingException e) {
      throw positioned(e);
    }
    return Optional.of(pending.poll());
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /** One step of the top-level walk; false at the end of the input. */
  private boolean advance() throws IOException {
    switch (state) {
      case BETWEEN_DOCUMENTS -> {
        JsonToken t = parser.nextToken();
        if (t == null) return false;
        if (t != JsonToken.START_OBJECT) {
          throw error("expected a JSON object (an ExportMetricsServiceRequest), got "
              + JsonResourceReader.describe(t));
        }
        state = State.IN_DOCUMENT;
      }
      case IN_DOCUMENT -> {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_OBJECT) {
          state = State.BETWEEN_DOCUMENTS;
          return true;
        }
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("resourceMetrics") || field.equals("resource_metrics")) {
          if (value == JsonToken.START_ARRAY) {
            state = State.IN_RESOURCE_METRICS;
          } else if (value != JsonToken.VALUE_NULL) {
            throw error("expected an array for '" + field + "', got "
                + JsonResourceReader.describe(value));
          }
        } else {
          parser.skipChildren();
        }
      }
      case IN_RESOURCE_METRICS -> {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY) {
          state = State.IN_DOCUMENT;
        } else {
          pending.addAll(resources.resourceMetrics());
        }
      }
    }
    return true;
  }

  private MetricParseException error(String reason) {
    return resources.error(parser.currentTokenLocation(), reason);
  }

  /** Jackson's syntax and limit errors, at the location jackson reports (else the parser's). */
  private MetricParseException positioned(JsonProcessingException e) {
    long[] at = JacksonErrors.position(e, parser.currentLocation());
    String reason = JacksonErrors.reason(e);
    // A truncated input is no syntax error of its own: say so plainly.
    return new MetricParseException(SourcePosition.text(source, at[0], at[1]),
        reason.startsWith("unexpected end of input") ? reason : "invalid JSON: " + reason);
  }
}

package dev.promotel.lint.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.promotel.format.SourcePosition;
import dev.promotel.lint.Finding;
import dev.promotel.lint.LintResult;
import dev.promotel.lint.RelatedLocation;
import dev.promotel.lint.RuleInfo;
import dev.promotel.lint.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning (https://docs.oasis-open.org/sarif/sarif/v2.1.0/): one run
 * whose driver lists every rule (id, name, descriptions, default level, tags), results with
 * repository-relative locations, {@code relatedLocations} for cross-source findings, {@code
 * partialFingerprints.promotelSubject/v1} (rule + path + subject, no line numbers, so alerts
 * survive edits) and {@code suppressions} for inline comments ({@code inSource}) and the baseline
 * ({@code external}). Inputs without lines get a location without a region.
 */
final class SarifReporter implements LintReporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private final ReportInfo info;

  SarifReporter(ReportInfo info) {
    this.info = info;
  }

  @Override
  public void write(LintResult result, OutputStream out) throws IOException {
    Map<String, Integer> index = new HashMap<>();
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeObjectFieldStart("driver");
      g.writeStringField("name", "promotel");
      g.writeStringField("version", info.version());
      g.writeStringField("informationUri", "https://github.com/promotel/promotel");
      g.writeArrayFieldStart("rules");
      int i = 0;
      for (RuleInfo rule : result.rules()) {
        index.put(rule.id(), i++);
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        g.writeStringField("name", Fingerprints.ruleName(rule.id()));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", rule.summary());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", rule.summary() + " (inputs: " + rule.inputs() + ")");
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(rule.defaultSeverity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString(rule.id().substring(0, Math.max(0, rule.id().indexOf('/'))));
        g.writeString("observability");
        g.writeEndArray();
        g.writeStringField("precision", "high");
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("columnKind", "unicodeCodePoints");
      g.writeArrayFieldStart("results");
      for (LintResult.Reported r : result.findings()) {
        Finding f = r.finding();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        Integer ruleIndex = index.get(f.ruleId());
        if (ruleIndex != null) g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        physical(g, f.position());
        g.writeEndObject();
        g.writeEndArray();
        if (!f.related().isEmpty()) {
          g.writeArrayFieldStart("relatedLocations");
          int id = 1;
          for (RelatedLocation rel : f.related()) {
            g.writeStartObject();
            g.writeNumberField("id", id++);
            physical(g, rel.position());
            g.writeObjectFieldStart("message");
            g.writeStringField("text", rel.message());
            g.writeEndObject();
            g.writeEndObject();
          }
          g.writeEndArray();
        }
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("promotelSubject/v1", Fingerprints.of(f));
        g.writeEndObject();
        if (r.suppressed().isPresent()) {
          g.writeArrayFieldStart("suppressions");
          g.writeStartObject();
          g.writeStringField("kind", r.suppressed().get().kind() == LintResult.Suppressed.Kind.IN_SOURCE
              ? "inSource" : "external");
          g.writeStringField("justification", r.suppressed().get().justification());
          g.writeEndObject();
          g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("subject", f.subject());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void physical(JsonGenerator g, SourcePosition p) throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", Fingerprints.uri(p.source()));
    g.writeStringField("uriBaseId", "%SRCROOT%");
    g.writeEndObject();
    if (p.line() > 0) {
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", p.line());
      g.writeNumberField("startColumn", Math.max(1, p.column()));
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}

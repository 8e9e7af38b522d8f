package dev.promotel.lint.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.promotel.lint.Finding;
import dev.promotel.lint.LintResult;
import dev.promotel.lint.RelatedLocation;
import dev.promotel.lint.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Machine output (specs/lint.md §7): {@code {version, tool, findings: [{ruleId, severity, message,
 * path, line, column, subject, fingerprint, related, suppressed, suppression}], summary}}, where
 * {@code line}/{@code column} are 0 for inputs without lines.
 */
final class JsonReporter implements LintReporter {
  private final ReportInfo info;

  JsonReporter(ReportInfo info) {
    this.info = info;
  }

  @Override
  public void write(LintResult result, OutputStream out) throws IOException {
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("version", 1);
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "promotel");
      g.writeStringField("version", info.version());
      g.writeEndObject();
      g.writeArrayFieldStart("findings");
      for (LintResult.Reported r : result.findings()) {
        Finding f = r.finding();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("severity", f.severity().id());
        g.writeStringField("message", f.message());
        g.writeStringField("path", f.position().source());
        g.writeNumberField("line", f.position().line());
        g.writeNumberField("column", f.position().line() > 0 ? f.position().column() : 0);
        g.writeStringField("subject", f.subject());
        g.writeStringField("fingerprint", Fingerprints.of(f));
        g.writeArrayFieldStart("related");
        for (RelatedLocation rel : f.related()) {
          g.writeStartObject();
          g.writeStringField("path", rel.position().source());
          g.writeNumberField("line", rel.position().line());
          g.writeNumberField("column", rel.position().line() > 0 ? rel.position().column() : 0);
          g.writeStringField("message", rel.message());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("suppressed", !r.active());
        if (r.suppressed().isPresent()) {
          g.writeObjectFieldStart("suppression");
          g.writeStringField("kind", r.suppressed().get().kind() == LintResult.Suppressed.Kind.IN_SOURCE
              ? "inSource" : "external");
          g.writeStringField("reason", r.suppressed().get().justification());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      for (Map.Entry<Severity, Integer> e : result.counts().entrySet()) {
        g.writeNumberField(e.getKey().id(), e.getValue());
      }
      g.writeNumberField("suppressed", result.suppressedCount());
      g.writeNumberField("files", result.files());
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }
}

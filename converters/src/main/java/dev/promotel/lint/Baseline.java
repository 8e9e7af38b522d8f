package dev.promotel.lint;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.promotel.format.SourcePosition;
import dev.promotel.format.internal.JacksonErrors;
import dev.promotel.yaml.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepted findings, keyed by rule + path + subject and never by line, so they survive edits that
 * move lines (detekt/Qodana style). A JSON file:
 * {@code {"version":1,"entries":[{"rule":"name/counter-total","path":"app.prom","subject":"http_requests","message":"..."}]}}.
 * Each entry absorbs one matching finding; entries left over are stale.
 */
public final class Baseline {
  /** One accepted finding. */
  public record Entry(String rule, String path, String subject, String message) {
    String key() {
      return rule + "\u0000" + normal(path) + "\u0000" + subject;
    }
  }

  private final String name;
  private final List<Entry> entries;

  /** Paths compare with forward slashes and without a leading "./". */
  static String normal(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) p = p.substring(2);
    return p;
  }
  private final Map<String, Integer> remaining = new HashMap<>();

  private Baseline(String name, List<Entry> entries) {
    this.name = name;
    this.entries = List.copyOf(entries);
    for (Entry e : entries) remaining.merge(e.key(), 1, Integer::sum);
  }

  public static Baseline empty(String name) {
    return new Baseline(name, List.of());
  }

  public static Baseline read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    }
  }

  static Baseline read(String name, InputStream in) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(in)) {
      expect(p, p.nextToken() == JsonToken.START_OBJECT, name, "a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("entries")) {
          expect(p, p.currentToken() == JsonToken.START_ARRAY, name, "an array of entries");
          while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> m = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String k = p.currentName();
              p.nextToken();
              m.put(k, p.getValueAsString());
            }
            for (String k : List.of("rule", "path", "subject")) {
              expect(p, m.get(k) != null, name, "\"" + k + "\" in every entry");
            }
            entries.add(new Entry(m.get("rule"), m.get("path"), m.get("subject"),
                m.getOrDefault("message", "")));
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (JsonParseException e) {
      long[] at = JacksonErrors.position(e, null);
      throw new ConfigException(SourcePosition.text(name, at[0], at[1]),
          "expected a promotel lint baseline (JSON): " + JacksonErrors.reason(e), "");
    }
    return new Baseline(name, entries);
  }

  private static void expect(JsonParser p, boolean ok, String name, String what)
      throws ConfigException {
    if (ok) return;
    var l = p.currentLocation();
    throw new ConfigException(SourcePosition.text(name, Math.max(1, l.getLineNr()),
        Math.max(1, l.getColumnNr())), "expected " + what + " in the baseline", "");
  }

  /** Consumes one entry matching {@code f}; true if there was one. */
  boolean absorb(Finding f) {
    String key = new Entry(f.ruleId(), f.position().source(), f.subject(), "").key();
    Integer n = remaining.get(key);
    if (n == null || n == 0) return false;
    remaining.put(key, n - 1);
    return true;
  }

  /** Entries no finding matched. */
  List<Entry> stale() {
    Map<String, Integer> left = new HashMap<>(remaining);
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      Integer n = left.get(e.key());
      if (n != null && n > 0) {
        out.add(e);
        left.put(e.key(), n - 1);
      }
    }
    return out;
  }

  String name() {
    return name;
  }

  /** Writes every active or baselined finding of {@code result} as the new baseline. */
  public static void write(LintResult result, OutputStream out) throws IOException {
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("version", 1);
      g.writeArrayFieldStart("entries");
      for (LintResult.Reported r : result.findings()) {
        boolean inline = r.suppressed().isPresent()
            && r.suppressed().get().kind() == LintResult.Suppressed.Kind.IN_SOURCE;
        if (inline || r.finding().ruleId().equals(DumpRuleIds.STALE_BASELINE)) continue;
        Finding f = r.finding();
        g.writeStartObject();
        g.writeStringField("rule", f.ruleId());
        g.writeStringField("path", f.position().source());
        g.writeStringField("subject", f.subject());
        g.writeStringField("message", f.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }
}

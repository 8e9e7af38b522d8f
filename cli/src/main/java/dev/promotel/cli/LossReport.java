package dev.promotel.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints a command's {@link Diagnostics}: one stderr line per entry ({@code promotel: 12 exemplars
 * dropped: Prometheus text 0.0.4 cannot carry exemplars}; notes as {@code promotel: note: ...}),
 * and the JSON form of {@code --report}:
 *
 * <pre>{"command":"convert","inputs":["a.om"],"to":"prom","losses":12,"notes":0,
 *  "entries":[{"kind":"loss","code":"exemplar-dropped","count":12,"message":"..."}]}</pre>
 */
final class LossReport {
  private static final String YELLOW = "\u001b[33m";
  private static final String RESET = "\u001b[0m";

  private LossReport() {}

  static void printSummary(Diagnostics diagnostics, PrintWriter err, boolean color) {
    for (Diagnostics.Entry e : diagnostics.entries()) {
      String kind = e.kind() == Diagnostics.Kind.NOTE ? "note: " : "";
      String line = e.count() + " " + e.message();
      if (color && e.kind() == Diagnostics.Kind.LOSS) line = YELLOW + line + RESET;
      err.println("promotel: " + kind + line);
    }
    err.flush();
  }

  static void writeJson(
      Diagnostics diagnostics, String command, List<String> inputs, Format to, OutputStream out)
      throws IOException {
    long losses = 0;
    long notes = 0;
    for (Diagnostics.Entry e : diagnostics.entries()) {
      if (e.kind() == Diagnostics.Kind.LOSS) losses += e.count();
      else notes += e.count();
    }
    try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("command", command);
      json.writeArrayFieldStart("inputs");
      for (String input : inputs) json.writeString(input);
      json.writeEndArray();
      if (to != null) json.writeStringField("to", to.id());
      json.writeNumberField("losses", losses);
      json.writeNumberField("notes", notes);
      json.writeArrayFieldStart("entries");
      for (Diagnostics.Entry e : diagnostics.entries()) {
        json.writeStartObject();
        json.writeStringField("kind", e.kind() == Diagnostics.Kind.LOSS ? "loss" : "note");
        json.writeStringField("code", e.code());
        json.writeNumberField("count", e.count());
        json.writeStringField("message", e.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }
}

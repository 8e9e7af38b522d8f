package dev.promotel.cli;

import dev.promotel.format.Format;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code promotel formats}: the table of format ids, aliases, extensions, media types, capabilities. */
@Command(
    name = "formats",
    description = "List the formats promotel reads and writes, and what each can carry.",
    footerHeading = "%nExamples:%n",
    footer = {"  promotel formats", "  promotel formats | grep exemplars"})
final class FormatsCommand implements Callable<Integer> {
  @ParentCommand PromotelCommand root;
  @Mixin HelpOption help;

  @Override
  public Integer call() {
    root.settings();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "ALIASES", "EXTENSIONS", "MEDIA TYPE", "CAN CARRY"});
    for (Format f : Format.values()) {
      List<String> carries = new ArrayList<>();
      for (Format.Capability c : f.capabilities()) carries.add(c.description());
      rows.add(new String[] {
        f.id(),
        f.aliases().isEmpty() ? "-" : String.join(",", f.aliases()),
        String.join(",", f.extensions()),
        f.mediaType(),
        carries.isEmpty() ? "-" : String.join(", ", carries)
      });
    }
    print(rows, root.std.outText());
    return ExitCodes.OK;
  }

  private static void print(List<String[]> rows, PrintWriter out) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) width[i] = Math.max(width[i], row[i].length());
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) line.append(" ".repeat(width[i] - row[i].length() + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }
}

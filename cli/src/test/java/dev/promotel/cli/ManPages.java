package dev.promotel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Generates the man pages from the picocli model: AsciiDoc with picocli-codegen's {@link
 * ManPageGenerator} into {@code adoc/}, then troff with Asciidoctor's manpage backend into {@code
 * man1/}. Reproducible: the version stands in for the date, and no timestamps are written. Build
 * tooling only (test scope), so neither library ends up in the executable jar.
 */
final class ManPages {
  private ManPages() {}

  /** Writes {@code dir/adoc/*.adoc} and {@code dir/man1/*.1}; returns the files written. */
  static List<Path> generate(Path dir) throws IOException {
    CommandLine tree = CommandTree.full(StandardStreams.of(
        InputStream.nullInputStream(),
        new PrintWriter(Writer.nullWriter()),
        new PrintWriter(Writer.nullWriter()),
        Map.of()));
    String version = VersionProvider.version();
    // The full --version text carries the commit and build date, which would change every page
    // on every build; the pages name the release only.
    Path adocDir = Files.createDirectories(dir.resolve("adoc"));
    Path manDir = Files.createDirectories(dir.resolve("man1"));
    List<Path> written = new ArrayList<>();
    List<Path> adocs = new ArrayList<>();
    for (CommandSpec spec : commands(tree.getCommandSpec())) {
      spec.versionProvider(() -> new String[] {"promotel " + version});
      StringWriter text = new StringWriter();
      try (PrintWriter pw = new PrintWriter(text)) {
        ManPageGenerator.writeSingleManPage(pw, spec);
      }
      Path adoc = adocDir.resolve(spec.qualifiedName("-") + ".adoc");
      // Help headings end in a colon ("Exit codes:"); man section titles do not.
      String page = text.toString().replace("\r\n", "\n").replaceAll("(?m)^==  (.*):$", "== $1");
      Files.writeString(adoc, page, StandardCharsets.UTF_8);
      adocs.add(adoc);
      written.add(adoc);
    }
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
      for (Path adoc : adocs) {
        String name = adoc.getFileName().toString().replaceFirst("\\.adoc$", "");
        Path man = manDir.resolve(name + ".1");
        Attributes attributes = Attributes.builder()
            .attribute("revdate", version)
            .attribute("docdate", version)
            .attribute("localdate", version)
            .attribute("doctime", "")
            .attribute("localtime", "")
            .build();
        Options options = Options.builder()
            .backend("manpage")
            .docType("manpage")
            .standalone(true)
            .safe(SafeMode.UNSAFE)
            .toFile(man.toFile())
            .attributes(attributes)
            .build();
        asciidoctor.convertFile(adoc.toFile(), options);
        written.add(man);
      }
    }
    return written;
  }

  private static List<CommandSpec> commands(CommandSpec root) {
    List<CommandSpec> all = new ArrayList<>();
    all.add(root);
    for (CommandLine sub : root.subcommands().values()) all.addAll(commands(sub.getCommandSpec()));
    return all;
  }
}

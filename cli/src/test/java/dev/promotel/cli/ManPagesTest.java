package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed man pages ({@code man/adoc}, {@code man/man1}) must be what the current code
 * generates. To refresh them after changing a command:
 *
 * <pre>mvn -o -pl cli -am test -Dtest=ManPagesTest -Dsurefire.failIfNoSpecifiedTests=false -Dpromotel.updateMan=true</pre>
 */
class ManPagesTest {
  static final Path COMMITTED = Path.of("..", "man");
  static final String REFRESH =
      "man pages are out of date; regenerate them with\n  mvn -o -pl cli -am test -Dtest=ManPagesTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dpromotel.updateMan=true\nand commit man/";

  @Test
  void committedManPagesMatchTheCurrentCommandModel(@TempDir Path temp) throws IOException {
    if (Boolean.getBoolean("promotel.updateMan")) {
      for (String sub : List.of("adoc", "man1")) {
        if (Files.isDirectory(COMMITTED.resolve(sub))) {
          try (Stream<Path> old = Files.list(COMMITTED.resolve(sub))) {
            for (Path p : old.collect(Collectors.toList())) Files.delete(p);
          }
        }
      }
      ManPages.generate(COMMITTED);
    }
    ManPages.generate(temp);

    for (String sub : List.of("adoc", "man1")) {
      assertThat(names(COMMITTED.resolve(sub))).as(REFRESH).isEqualTo(names(temp.resolve(sub)));
      for (String name : names(temp.resolve(sub))) {
        assertThat(Files.readString(COMMITTED.resolve(sub).resolve(name)))
            .as(sub + "/" + name + ": " + REFRESH)
            .isEqualTo(Files.readString(temp.resolve(sub).resolve(name)));
      }
    }
  }

  @Test
  void everyPageDocumentsExitCodesAndExamples(@TempDir Path temp) throws IOException {
    ManPages.generate(temp);

    for (String name : names(temp.resolve("man1"))) {
      String page = Files.readString(temp.resolve("man1").resolve(name));
      assertThat(page).as(name)
          .containsIgnoringCase("Exit codes").containsIgnoringCase("Examples").contains("Invalid input data");
    }
    assertThat(names(temp.resolve("man1")))
        .containsExactly(
            "promotel-completion.1", "promotel-convert.1", "promotel-filter.1", "promotel-formats.1",
            "promotel-lint.1", "promotel-rename.1", "promotel-rules.1", "promotel-temporality.1",
            "promotel-validate.1", "promotel.1");
  }

  private static List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}

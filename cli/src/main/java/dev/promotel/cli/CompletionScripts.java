package dev.promotel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The completion scripts, all generated from the full command model, so they cannot drift from the
 * options: bash by picocli's {@link AutoComplete}, zsh as that script behind a {@code #compdef}
 * header (zsh runs it through {@code bashcompinit}), fish by {@link FishCompletion}. {@link
 * #main} writes all three at build time ({@code cli/target/completions/}).
 */
public final class CompletionScripts {
  private CompletionScripts() {}

  enum Shell {
    BASH("promotel.bash"),
    ZSH("_promotel"),
    FISH("promotel.fish");

    private final String fileName;

    Shell(String fileName) {
      this.fileName = fileName;
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final class ShellNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("bash", "zsh", "fish").iterator();
    }
  }

  static final class ShellConverter implements ITypeConverter<Shell> {
    @Override
    public Shell convert(String value) {
      for (Shell s : Shell.values()) {
        if (s.id().equalsIgnoreCase(value)) return s;
      }
      throw new TypeConversionException("unknown shell '" + value + "'; expected bash, zsh or fish");
    }
  }

  static String script(Shell shell) {
    CommandLine full = CommandTree.full(StandardStreams.of(
        java.io.InputStream.nullInputStream(),
        new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(java.io.Writer.nullWriter()),
        java.util.Map.of()));
    return switch (shell) {
      case BASH -> AutoComplete.bash("promotel", full);
      case ZSH -> zsh(AutoComplete.bash("promotel", full));
      case FISH -> FishCompletion.generate(full.getCommandSpec());
    };
  }

  /**
   * zsh: picocli's script works under {@code bashcompinit}. Installed as {@code _promotel} in
   * {@code $fpath}, zsh autoloads the file as the function {@code _promotel} and the last lines
   * complete the current word; sourced, it only registers the completion (the cobra idiom).
   */
  private static String zsh(String bashScript) {
    return "#compdef promotel\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + bashScript
        + "\nif [ \"$funcstack[1]\" = \"_promotel\" ]; then\n"
        + "  _bash_complete -F _complete_promotel \"$@\"\n"
        + "fi\n";
  }

  /** Writes {@code promotel.bash}, {@code _promotel} and {@code promotel.fish} into {@code args[0]}. */
  public static void main(String... args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (Shell shell : Shell.values()) {
      Files.writeString(dir.resolve(shell.fileName), script(shell), StandardCharsets.UTF_8);
    }
  }
}

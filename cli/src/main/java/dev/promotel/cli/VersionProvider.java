package dev.promotel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the version, commit and build date baked in at build time ({@code
 * build-info.properties}, {@code git.properties}; "unknown" when absent, e.g. built outside git),
 * and the running Java.
 *
 * <p>Example output: {@code promotel 0.1.0}, {@code commit 3f2a... (2026-01-05T10:00:00Z)}, ...
 */
final class VersionProvider implements IVersionProvider {
  static String version() {
    return load("build-info.properties").getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    Properties build = load("build-info.properties");
    Properties git = load("git.properties");
    String commit = git.getProperty("commit", "unknown");
    String commitDate = git.getProperty("commitDate");
    return new String[] {
      "promotel " + build.getProperty("version", "unknown"),
      "commit:  " + commit + (commitDate == null ? "" : " (" + commitDate + ")"),
      "built:   " + build.getProperty("buildDate", "unknown"),
      "java:    " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
          + ", " + System.getProperty("java.vm.name") + ")",
    };
  }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(resource)) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // Missing build metadata is not an error: every field falls back to "unknown".
    }
    p.entrySet().removeIf(e -> e.getValue().toString().isBlank()
        || e.getValue().toString().startsWith("${"));
    return p;
  }
}

package dev.promotel.lint.report;

import dev.promotel.lint.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Line-independent identities of findings: a hash of rule id, path and subject (SARIF {@code
 * partialFingerprints}, JSON {@code fingerprint}), and SARIF rule names.
 */
final class Fingerprints {
  private Fingerprints() {}

  static String of(Finding f) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String key = f.ruleId() + "\u0000" + f.position().source().replace('\\', '/') + "\u0000" + f.subject();
      byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }

  /** {@code dump/parse-error} → {@code DumpParseError}. */
  static String ruleName(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("[/\\-_]")) {
      if (part.isEmpty()) continue;
      out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return out.toString();
  }

  /** A repository-relative URI with forward slashes, as SARIF and GitHub want. */
  static String uri(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) p = p.substring(2);
    return p;
  }
}

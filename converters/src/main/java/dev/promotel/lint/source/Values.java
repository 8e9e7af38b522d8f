package dev.promotel.lint.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns config text into {@link LabelValue}s: {@code ${VAR}} expansions are unknown parts. */
final class Values {
  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\\}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private Values() {}

  /** {@code eu-${REGION}} → {@code ["eu-", Unknown(environment variable REGION)]}. */
  static LabelValue literalOrEnv(String text) {
    List<LabelValue.Part> parts = new ArrayList<>();
    Matcher m = ENV.matcher(text);
    int last = 0;
    while (m.find()) {
      parts.add(new LabelValue.Literal(text.substring(last, m.start())));
      String var = m.group(1) != null ? m.group(1) : m.group(2);
      parts.add(new LabelValue.Unknown("environment variable " + var));
      last = m.end();
    }
    parts.add(new LabelValue.Literal(text.substring(last)));
    return new LabelValue(parts);
  }
}

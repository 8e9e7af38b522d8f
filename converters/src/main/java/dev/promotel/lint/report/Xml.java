package dev.promotel.lint.report;

/** Attribute-value escaping for the XML reporters (control characters other than TAB/LF/CR are dropped: XML 1.0 cannot hold them). */
final class Xml {
  private Xml() {}

  static String attr(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> {
          if (c >= 0x20) out.append(c);
        }
      }
    }
    return out.toString();
  }
}

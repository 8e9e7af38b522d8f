package dev.promotel.model;

/** JSON spelling of attribute values for {@link AttributeValue#asString()} of arrays and maps. */
final class JsonText {
  private JsonText() {}

  static String quoteIfString(AttributeValue value) {
    return value instanceof AttributeValue.StringValue s ? quote(s.value()) : value.asString();
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}

package dev.promotel.select;

import dev.promotel.format.SourcePosition;
import dev.promotel.yaml.ConfigException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written recursive-descent parser for one series selector, following the PromQL lexer:
 * metric names {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, label names {@code [a-zA-Z_][a-zA-Z0-9_]*} or
 * quoted, strings with Go escapes ({@code \a \b \f \n \r \t \v \\ \" \' \xHH \OOO \\uHHHH
 * \UHHHHHHHH}; escaped bytes must form UTF-8), raw strings in back quotes.
 */
final class SelectorParser {
  private final String text;
  private int pos;

  SelectorParser(String text) {
    this.text = text;
  }

  /** A string literal: its value and, per value char, the index in the text it came from. */
  private record Literal(String value, int[] sourceIndex, int start) {}

  Selector parse() throws ConfigException {
    List<LabelMatcher> matchers = new ArrayList<>();
    skipSpace();
    if (pos >= text.length()) throw error(pos, "empty selector: expected a metric name or '{'");
    String name = null;
    int nameAt = pos;
    if (isNameStart(text.charAt(pos))) {
      name = metricName();
      skipSpace();
    }
    String quotedName = null;
    int quotedNameAt = -1;
    if (pos < text.length() && text.charAt(pos) == '{') {
      pos++;
      skipSpace();
      while (pos < text.length() && text.charAt(pos) != '}') {
        int itemAt = pos;
        char c = text.charAt(pos);
        String label;
        if (c == '"' || c == '\'' || c == '`') {
          Literal quoted = literal();
          skipSpace();
          if (pos >= text.length() || text.charAt(pos) == ',' || text.charAt(pos) == '}') {
            // A lone quoted string is the metric name: {"http.server.request.duration"}.
            if (name != null || quotedName != null) {
              throw error(itemAt, "metric name must not be set twice: "
                  + Selector.quote(name != null ? name : quotedName) + " or "
                  + Selector.quote(quoted.value()));
            }
            quotedName = quoted.value();
            quotedNameAt = itemAt;
            if (quotedName.isEmpty()) throw error(itemAt, "metric name must not be empty");
            endOfItem();
            continue;
          }
          label = quoted.value();
          if (label.isEmpty()) throw error(itemAt, "label name must not be empty");
        } else if (isLabelStart(c)) {
          label = labelName();
        } else {
          throw error(pos, "expected a label name, got " + describe(pos));
        }
        skipSpace();
        int opAt = pos;
        MatchType type = operator();
        skipSpace();
        if (pos >= text.length()) throw error(pos, "expected a quoted label value, got end of selector");
        char q = text.charAt(pos);
        if (q != '"' && q != '\'' && q != '`') {
          throw error(pos, "expected a quoted label value after " + type.symbol() + ", got "
              + describe(pos));
        }
        Literal value = literal();
        AnchoredRegex regex = null;
        if (type == MatchType.REGEX || type == MatchType.NOT_REGEX) {
          int[] map = value.sourceIndex();
          regex = AnchoredRegex.compile(value.value(),
              i -> position(i < map.length ? map[i] : value.start()), lineOf(opAt));
        }
        if (label.equals("__name__") && name != null) {
          throw error(itemAt, "metric name must not be set twice: " + Selector.quote(name)
              + " or " + Selector.quote(value.value()));
        }
        matchers.add(new LabelMatcher(label, type, value.value(), regex));
        endOfItem();
      }
      if (pos >= text.length()) throw error(pos, "expected '}' or ',', got end of selector");
      pos++;
    } else if (name == null) {
      throw error(pos, "expected a metric name or '{', got " + describe(pos));
    }
    skipSpace();
    if (pos < text.length()) {
      String what = text.charAt(pos) == '[' ? " (range selectors such as [5m] are PromQL queries,"
          + " not series selectors)" : "";
      throw error(pos, "expected end of selector, got " + describe(pos) + what);
    }
    if (quotedName != null) {
      if (hasNameMatcher(matchers)) {
        throw error(quotedNameAt, "metric name must not be set twice: " + Selector.quote(quotedName));
      }
      matchers.add(new LabelMatcher("__name__", MatchType.EQUAL, quotedName, null));
    }
    if (name != null) matchers.add(new LabelMatcher("__name__", MatchType.EQUAL, name, null));
    boolean nonEmpty = false;
    for (LabelMatcher m : matchers) nonEmpty |= !m.matches("");
    if (!nonEmpty) {
      throw error(nameAt, "vector selector must contain at least one non-empty matcher"
          + " (one that does not match the empty string, e.g. {job=~\".+\"})");
    }
    return new Selector(text, matchers);
  }

  private static boolean hasNameMatcher(List<LabelMatcher> matchers) {
    for (LabelMatcher m : matchers) if (m.name().equals("__name__")) return true;
    return false;
  }

  /** After a matcher: a comma (optionally the last before '}') or the closing brace. */
  private void endOfItem() throws ConfigException {
    skipSpace();
    if (pos >= text.length()) return;
    char c = text.charAt(pos);
    if (c == ',') {
      pos++;
      skipSpace();
    } else if (c != '}') {
      throw error(pos, "expected ',' or '}' after a label matcher, got " + describe(pos));
    }
  }

  private MatchType operator() throws ConfigException {
    if (text.startsWith("=~", pos)) {
      pos += 2;
      return MatchType.REGEX;
    }
    if (text.startsWith("!~", pos)) {
      pos += 2;
      return MatchType.NOT_REGEX;
    }
    if (text.startsWith("!=", pos)) {
      pos += 2;
      return MatchType.NOT_EQUAL;
    }
    if (text.startsWith("==", pos)) {
      throw error(pos, "unexpected '==' in a label matcher: use '=' (or '=~' for a regex)");
    }
    if (text.startsWith("=", pos)) {
      pos++;
      return MatchType.EQUAL;
    }
    throw error(pos, "expected a label matcher operator (=, !=, =~, !~), got " + describe(pos));
  }

  private String metricName() {
    int start = pos;
    while (pos < text.length() && (isNameStart(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String labelName() {
    int start = pos;
    while (pos < text.length() && (isLabelStart(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private Literal literal() throws ConfigException {
    int start = pos;
    char quote = text.charAt(pos++);
    StringBuilder out = new StringBuilder();
    List<Integer> map = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int bytesAt = -1;
    while (true) {
      if (pos >= text.length()) throw error(start, "unterminated quoted string");
      char c = text.charAt(pos);
      if (c == quote) {
        flushBytes(bytes, bytesAt, out, map);
        pos++;
        break;
      }
      if (quote != '`' && c == '\n') throw error(start, "unterminated quoted string");
      if (quote == '`' || c != '\\') {
        flushBytes(bytes, bytesAt, out, map);
        out.append(c);
        map.add(pos);
        pos++;
        continue;
      }
      int escAt = pos;
      if (pos + 1 >= text.length()) throw error(start, "unterminated quoted string");
      char e = text.charAt(pos + 1);
      pos += 2;
      int codePoint = -1;
      switch (e) {
        case 'a' -> codePoint = 7;
        case 'b' -> codePoint = 8;
        case 'f' -> codePoint = 12;
        case 'n' -> codePoint = '\n';
        case 'r' -> codePoint = '\r';
        case 't' -> codePoint = '\t';
        case 'v' -> codePoint = 11;
        case '\\' -> codePoint = '\\';
        case 'x' -> {
          if (bytes.size() == 0) bytesAt = escAt;
          bytes.write(hex(escAt, 2));
          continue;
        }
        case 'u' -> codePoint = hex(escAt, 4);
        case 'U' -> codePoint = hex(escAt, 8);
        default -> {
          if (e == quote) {
            codePoint = e;
          } else if (e >= '0' && e <= '7') {
            pos--;
            int v = 0;
            for (int k = 0; k < 3; k++) {
              char d = pos < text.length() ? text.charAt(pos) : 0;
              if (d < '0' || d > '7') throw error(escAt, "invalid octal escape: expected 3 digits");
              v = v * 8 + (d - '0');
              pos++;
            }
            if (v > 255) throw error(escAt, "octal escape value > 255: " + v);
            if (bytes.size() == 0) bytesAt = escAt;
            bytes.write(v);
            continue;
          } else {
            throw error(escAt, "unknown escape sequence \\" + e);
          }
        }
      }
      flushBytes(bytes, bytesAt, out, map);
      if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        throw error(escAt, "escape sequence is an invalid Unicode code point");
      }
      int before = out.length();
      out.appendCodePoint(codePoint);
      for (int k = before; k < out.length(); k++) map.add(escAt);
    }
    int[] sourceIndex = new int[map.size()];
    for (int i = 0; i < sourceIndex.length; i++) sourceIndex[i] = map.get(i);
    return new Literal(out.toString(), sourceIndex, start);
  }

  /** Decodes pending \x/octal bytes; Go strings are bytes, ours must be UTF-8 text. */
  private void flushBytes(ByteArrayOutputStream bytes, int at, StringBuilder out, List<Integer> map)
      throws ConfigException {
    if (bytes.size() == 0) return;
    String decoded;
    try {
      decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw error(at, "escaped bytes are not valid UTF-8");
    }
    bytes.reset();
    out.append(decoded);
    for (int k = 0; k < decoded.length(); k++) map.add(at);
  }

  private int hex(int escAt, int digits) throws ConfigException {
    if (pos + digits > text.length()) throw error(escAt, "invalid escape: expected " + digits + " hex digits");
    int v = 0;
    for (int k = 0; k < digits; k++) {
      int d = Character.digit(text.charAt(pos + k), 16);
      if (d < 0) throw error(escAt, "invalid escape: expected " + digits + " hex digits");
      v = v * 16 + d;
    }
    pos += digits;
    return v;
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      pos++;
    }
  }

  private static boolean isNameStart(char c) {
    return isLabelStart(c) || c == ':';
  }

  private static boolean isLabelStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private String describe(int at) {
    if (at >= text.length()) return "end of selector";
    int cp = text.codePointAt(at);
    return "'" + new String(Character.toChars(cp)) + "'";
  }

  private ConfigException error(int at, String reason) {
    return new ConfigException(position(at), reason, lineOf(at));
  }

  /** 1-based line and column (in code points) of char index {@code at}. */
  private SourcePosition position(int at) {
    int clamped = Math.min(at, text.length());
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < clamped; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return SourcePosition.text(
        Selector.SOURCE, line, text.codePointCount(lineStart, clamped) + 1);
  }

  private String lineOf(int at) {
    int clamped = Math.min(at, text.length());
    int start = text.lastIndexOf('\n', clamped - 1) + 1;
    int end = text.indexOf('\n', clamped);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}

package dev.promotel.lint.source;

import dev.promotel.format.SourcePosition;
import dev.promotel.yaml.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the subset of Grafana Alloy syntax that lint reads (alloy docs
 * get-started/syntax.md): blocks {@code name.path "label" { ... }}, attributes {@code name = expr},
 * strings ({@code "..."} with escapes, {@code `raw`}), numbers, booleans, {@code null}, arrays,
 * objects ({@code { key = v, "k" = v }}), references ({@code discovery.relabel.pods.output},
 * indexing included) and calls ({@code sys.env("X")}), which stay opaque, as do arithmetic and
 * comparisons. Comments are {@code //} and {@code /* *}{@code /}. Errors are positioned:
 * {@code config.alloy:4:12: expected "=" or a block body after "targets", got "}"}.
 *
 * <p>Grammar: {@code body := (IDENT "=" expr | IDENT ("." IDENT)* STRING? "{" body "}")*};
 * {@code expr := operand (OP operand)*}; {@code operand := literal | array | object | ref ["(" args ")"] | "(" expr ")" | ("-"|"!") operand}.
 */
final class AlloyParser {
  /** A statement of a body. */
  sealed interface Statement permits Block, Attribute {}

  /** {@code loki.source.file "logs" { ... }}; {@code label} is empty for unlabelled blocks such as {@code rule}. */
  record Block(String name, String label, SourcePosition at, List<Statement> body) implements Statement {
    List<Block> blocks(String blockName) {
      return body.stream().filter(s -> s instanceof Block b && b.name.equals(blockName)).map(s -> (Block) s).toList();
    }

    java.util.Optional<Attribute> attribute(String attrName) {
      return body.stream().filter(s -> s instanceof Attribute a && a.name.equals(attrName))
          .map(s -> (Attribute) s).findFirst();
    }
  }

  record Attribute(String name, SourcePosition at, Value value) implements Statement {}

  /** An expression's value as far as lint reads it. */
  sealed interface Value permits Str, Num, Bool, Null, Arr, Obj, Ref, Opaque {
    SourcePosition at();
  }

  record Str(String text, SourcePosition at) implements Value {}

  record Num(String text, SourcePosition at) implements Value {}

  record Bool(boolean value, SourcePosition at) implements Value {}

  record Null(SourcePosition at) implements Value {}

  record Arr(List<Value> items, SourcePosition at) implements Value {}

  record Field(String name, SourcePosition at, Value value) {}

  record Obj(List<Field> fields, SourcePosition at) implements Value {}

  /** A reference to another component's export or a variable: {@code loki.write.default.receiver}. */
  record Ref(String path, SourcePosition at) implements Value {}

  /** A call or an operator expression, kept as its source text: {@code sys.env("CLUSTER")}. */
  record Opaque(String text, SourcePosition at) implements Value {}

  private final String source;
  private final String text;
  private final String[] lines;
  private int pos;
  private int line = 1;
  private int lineStart;

  private AlloyParser(String source, String text) {
    this.source = source;
    this.text = text;
    this.lines = text.split("\r?\n|\r", -1);
  }

  /** Parses a whole file into its top-level statements. */
  static List<Statement> parse(String source, String text) throws ConfigException {
    AlloyParser p = new AlloyParser(source, text);
    List<Statement> body = p.body(false);
    return body;
  }

  private List<Statement> body(boolean nested) throws ConfigException {
    List<Statement> out = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= text.length()) {
        if (nested) throw error(here(), "expected \"}\" to close the block, got the end of the file");
        return out;
      }
      if (peek() == '}') {
        if (!nested) throw error(here(), "unexpected \"}\"");
        return out;
      }
      SourcePosition at = here();
      String name = identifier("an attribute or block name");
      skipSpace();
      if (peek() == '=' && peekAt(1) != '=') {
        pos++;
        out.add(new Attribute(name, at, expression()));
        continue;
      }
      StringBuilder full = new StringBuilder(name);
      while (peek() == '.') {
        pos++;
        full.append('.').append(identifier("a block name part after \".\""));
        skipSpace();
      }
      String label = "";
      if (peek() == '"') label = string();
      skipSpace();
      if (peek() != '{') throw error(here(), "expected \"=\" or a block body after \"" + full + "\", got " + got());
      pos++;
      List<Statement> inner = body(true);
      pos++; // the closing brace body() stopped at
      out.add(new Block(full.toString(), label, at, inner));
    }
  }

  private Value expression() throws ConfigException {
    skipSpace();
    int start = pos;
    SourcePosition at = here();
    Value first = operand();
    boolean compound = false;
    while (true) {
      skipSpaceSameLogicalLine();
      String op = operator();
      if (op == null) break;
      pos += op.length();
      operand();
      compound = true;
    }
    return compound ? new Opaque(text.substring(start, pos).trim(), at) : first;
  }

  private String operator() {
    for (String op : new String[] {"==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%", "^", "<", ">"}) {
      if (text.startsWith(op, pos) && !(op.equals("/") && (peekAt(1) == '/' || peekAt(1) == '*'))) return op;
    }
    return null;
  }

  private Value operand() throws ConfigException {
    skipSpace();
    SourcePosition at = here();
    if (pos >= text.length()) throw error(at, "expected a value, got the end of the file");
    char c = peek();
    if (c == '"') return new Str(string(), at);
    if (c == '`') return new Str(rawString(), at);
    if (c == '[') return array(at);
    if (c == '{') return object(at);
    if (c == '(') {
      int start = pos;
      pos++;
      expression();
      expect(')');
      return new Opaque(text.substring(start, pos), at);
    }
    if (c == '-' || c == '!') {
      int start = pos;
      pos++;
      Value v = operand();
      return v instanceof Num n && c == '-' ? new Num("-" + n.text(), at) : new Opaque(text.substring(start, pos), at);
    }
    if (Character.isDigit(c)) return new Num(number(), at);
    if (Character.isLetter(c) || c == '_') {
      int start = pos;
      String id = identifier("a value");
      switch (id) {
        case "true":
          return new Bool(true, at);
        case "false":
          return new Bool(false, at);
        case "null":
          return new Null(at);
        default:
          break;
      }
      StringBuilder path = new StringBuilder(id);
      boolean opaque = false;
      while (true) {
        if (peek() == '.' && pos + 1 < text.length() && (Character.isLetter(peekAt(1)) || peekAt(1) == '_')) {
          pos++;
          path.append('.').append(identifier("a name after \".\""));
        } else if (peek() == '[') {
          pos++;
          expression();
          skipSpace();
          expect(']');
          opaque = true;
        } else if (peek() == '(') {
          pos++;
          skipSpace();
          while (peek() != ')') {
            expression();
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != ')') throw error(here(), "expected \",\" or \")\" in the arguments of " + path + ", got " + got());
            skipSpace();
          }
          pos++;
          opaque = true;
        } else {
          break;
        }
      }
      return opaque ? new Opaque(text.substring(start, pos), at) : new Ref(path.toString(), at);
    }
    throw error(at, "expected a value, got " + got());
  }

  private Value array(SourcePosition at) throws ConfigException {
    pos++;
    List<Value> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (peek() == ']') {
        pos++;
        return new Arr(items, at);
      }
      items.add(expression());
      skipSpace();
      if (peek() == ',') pos++;
      else if (peek() != ']') throw error(here(), "expected \",\" or \"]\" in the array, got " + got());
    }
  }

  private Value object(SourcePosition at) throws ConfigException {
    pos++;
    List<Field> fields = new ArrayList<>();
    while (true) {
      skipSpace();
      if (peek() == '}') {
        pos++;
        return new Obj(fields, at);
      }
      SourcePosition keyAt = here();
      String key = peek() == '"' ? string() : identifier("an object key");
      skipSpace();
      if (peek() != '=' && peek() != ':') throw error(here(), "expected \"=\" after the object key \"" + key + "\", got " + got());
      pos++;
      fields.add(new Field(key, keyAt, expression()));
      skipSpace();
      if (peek() == ',') pos++;
      else if (peek() != '}') throw error(here(), "expected \",\" or \"}\" in the object, got " + got());
    }
  }

  private String string() throws ConfigException {
    SourcePosition at = here();
    pos++;
    StringBuilder s = new StringBuilder();
    while (true) {
      if (pos >= text.length() || peek() == '\n') throw error(at, "unterminated string");
      char c = text.charAt(pos++);
      if (c == '"') return s.toString();
      if (c != '\\') {
        s.append(c);
        continue;
      }
      if (pos >= text.length()) throw error(at, "unterminated string");
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> s.append('\n');
        case 't' -> s.append('\t');
        case 'r' -> s.append('\r');
        case '"', '\\' -> s.append(e);
        case 'u' -> {
          if (pos + 4 > text.length()) throw error(here(), "expected four hex digits after \\u");
          try {
            s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error(here(), "expected four hex digits after \\u, got \"" + text.substring(pos, pos + 4) + "\"");
          }
          pos += 4;
        }
        default -> throw error(here(), "unknown escape \\" + e + " in a string");
      }
    }
  }

  private String rawString() throws ConfigException {
    SourcePosition at = here();
    int end = text.indexOf('`', pos + 1);
    if (end < 0) throw error(at, "unterminated raw string");
    String s = text.substring(pos + 1, end);
    for (int i = pos; i < end; i++) {
      if (text.charAt(i) == '\n') newline(i + 1);
    }
    pos = end + 1;
    return s;
  }

  private String number() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '.' || peek() == '_')) pos++;
    return text.substring(start, pos);
  }

  private String identifier(String what) throws ConfigException {
    if (pos >= text.length() || !(Character.isLetter(peek()) || peek() == '_')) {
      throw error(here(), "expected " + what + ", got " + got());
    }
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) pos++;
    return text.substring(start, pos);
  }

  private void expect(char c) throws ConfigException {
    skipSpace();
    if (peek() != c) throw error(here(), "expected \"" + c + "\", got " + got());
    pos++;
  }

  /** Operators may continue an expression on the next line only after the operator, as in Go. */
  private void skipSpaceSameLogicalLine() {
    while (pos < text.length() && (peek() == ' ' || peek() == '\t')) pos++;
  }

  private void skipSpace() throws ConfigException {
    while (pos < text.length()) {
      char c = peek();
      if (c == '\n') {
        pos++;
        newline(pos);
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '/' && peekAt(1) == '/') {
        while (pos < text.length() && peek() != '\n') pos++;
      } else if (c == '/' && peekAt(1) == '*') {
        SourcePosition at = here();
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) throw error(at, "unterminated /* comment");
        for (int i = pos; i < end; i++) {
          if (text.charAt(i) == '\n') newline(i + 1);
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private void newline(int nextLineStart) {
    line++;
    lineStart = nextLineStart;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char peekAt(int offset) {
    return pos + offset < text.length() ? text.charAt(pos + offset) : '\0';
  }

  private String got() {
    if (pos >= text.length()) return "the end of the file";
    if (peek() == '\n') return "the end of the line";
    return "\"" + text.substring(pos, text.offsetByCodePoints(pos, 1)) + "\"";
  }

  private SourcePosition here() {
    return SourcePosition.text(source, line, text.codePointCount(lineStart, Math.min(pos, text.length())) + 1);
  }

  private ConfigException error(SourcePosition at, String reason) {
    String l = at.line() >= 1 && at.line() <= lines.length ? lines[(int) at.line() - 1] : "";
    return new ConfigException(at, reason, l);
  }
}

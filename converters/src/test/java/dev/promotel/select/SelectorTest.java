package dev.promotel.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.promotel.yaml.ConfigException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PromQL series selector syntax: what parses into which matchers, and positioned errors. */
class SelectorTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments(named("a bare metric name", "up"), List.of("__name__=\"up\"")),
        arguments(named("name and matchers", "http_requests_total{code!~\"2..\",method=\"GET\"}"),
            List.of("code!~\"2..\"", "method=\"GET\"", "__name__=\"http_requests_total\"")),
        arguments(named("braces only, a trailing comma", "{job=\"node\",}"),
            List.of("job=\"node\"")),
        arguments(named("a quoted UTF-8 metric name", "{\"http.server.request.duration\"}"),
            List.of("__name__=\"http.server.request.duration\"")),
        arguments(named("a quoted label name", "{\"http.route\"=\"/users\"}"),
            List.of("\"http.route\"=\"/users\"")),
        arguments(named("single quotes and back quotes", "{a='x',b=~`a\\d+`}"),
            List.of("a=\"x\"", "b=~\"a\\\\d+\"")),
        arguments(named("Go escapes", "{a=\"\\t\\\"\\u00e9\\x41\\101\"}"),
            List.of("a=\"\\t\\\"éAA\"")),
        arguments(named("escaped bytes forming UTF-8", "{a=\"\\xc3\\xa9\"}"), List.of("a=\"é\"")),
        arguments(named("spaces around everything", " foo { a = \"b\" , c !~ \"d\" } "),
            List.of("a=\"b\"", "c!~\"d\"", "__name__=\"foo\"")),
        arguments(named("a colon in the metric name", "job:up:sum"),
            List.of("__name__=\"job:up:sum\"")),
        arguments(named("__name__ regex", "{__name__=~\"go_.*\"}"), List.of("__name__=~\"go_.*\"")));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void parsesIntoMatchers(String text, List<String> expected) throws ConfigException {
    Selector selector = Selector.parse(text);

    assertThat(selector.matchers()).extracting(LabelMatcher::toString).containsExactlyElementsOf(
        expected);
    assertThat(selector.text()).isEqualTo(text);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(named("empty", ""), "selector:1:1: empty selector: expected a metric name or '{'"),
        arguments(named("unterminated braces", "foo{a=\"b\""),
            "selector:1:10: expected '}' or ',', got end of selector"),
        arguments(named("unterminated string", "{a=\"b}"), "selector:1:4: unterminated quoted string"),
        arguments(named("missing operator", "{a \"b\"}"),
            "selector:1:4: expected a label matcher operator (=, !=, =~, !~), got '\"'"),
        arguments(named("double equals", "{a==\"b\"}"),
            "selector:1:3: unexpected '==' in a label matcher: use '=' (or '=~' for a regex)"),
        arguments(named("unquoted value", "{a=b}"),
            "selector:1:4: expected a quoted label value after =, got 'b'"),
        arguments(named("empty braces", "{}"),
            "selector:1:1: vector selector must contain at least one non-empty matcher (one that"
                + " does not match the empty string, e.g. {job=~\".+\"})"),
        arguments(named("only empty-matching matchers", "{a=\"\",b=~\".*\"}"),
            "selector:1:1: vector selector must contain at least one non-empty matcher (one that"
                + " does not match the empty string, e.g. {job=~\".+\"})"),
        arguments(named("name set twice", "foo{__name__=\"bar\"}"),
            "selector:1:5: metric name must not be set twice: \"foo\" or \"bar\""),
        arguments(named("quoted name set twice", "foo{\"bar\"}"),
            "selector:1:5: metric name must not be set twice: \"foo\" or \"bar\""),
        arguments(named("a range", "rate(x[5m])"), "selector:1:5: expected end of selector, got '('"),
        arguments(named("a range selector", "x[5m]"),
            "selector:1:2: expected end of selector, got '[' (range selectors such as [5m] are"
                + " PromQL queries, not series selectors)"),
        arguments(named("unknown escape", "{a=\"\\q\"}"), "selector:1:5: unknown escape sequence \\q"),
        arguments(named("invalid UTF-8 bytes", "{a=\"\\xff\"}"),
            "selector:1:5: escaped bytes are not valid UTF-8"),
        arguments(named("a label name starting with a digit", "{1a=\"b\"}"),
            "selector:1:2: expected a label name, got '1'"),
        arguments(named("columns count code points", "{é=\"b\"}"),
            "selector:1:2: expected a label name, got 'é'"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void rejectsWithAPositionedMessage(String text, String message) {
    assertThatThrownBy(() -> Selector.parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  /** Constructs java.util.regex accepts and RE2 rejects, each at the regex's offending column. */
  static Stream<Arguments> re2Rejections() {
    return Stream.of(
        arguments(named("backreference", "{a=~`(a)\\1`}"), 9,
            "invalid escape sequence at `\\1` (RE2 syntax"),
        arguments(named("lookahead", "{a=~\"x(?=y)\"}"), 7,
            "invalid or unsupported Perl syntax at `(?=` (RE2 syntax"),
        arguments(named("negative lookahead", "{a=~\"(?!y)\"}"), 6,
            "invalid or unsupported Perl syntax at `(?!` (RE2 syntax"),
        arguments(named("lookbehind", "{a=~\"b(?<=a)\"}"), 7, "lookbehind is not supported"),
        arguments(named("possessive quantifier", "{a=~\"ba*+\"}"), 8,
            "invalid nested repetition operator at `*+` (RE2 syntax"),
        arguments(named("atomic group", "{a=~\"(?>ab)\"}"), 6,
            "invalid or unsupported Perl syntax at `(?>` (RE2 syntax"),
        arguments(named("\\Z anchor", "{a=~`x\\Z`}"), 7, "invalid escape sequence"),
        arguments(named("unbalanced parenthesis", "{a=~\"a)|(b\"}"), 7, "unexpected )"));
  }

  @ParameterizedTest
  @MethodSource("re2Rejections")
  void rejectsWhatRe2DoesNotAccept(String text, int column, String reason) {
    assertThatThrownBy(() -> Selector.parse(text))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> {
          ConfigException c = (ConfigException) e;
          assertThat(c.position().column()).isEqualTo(column);
          assertThat(c.position().source()).isEqualTo("selector");
          assertThat(c.reason()).startsWith("invalid regex ").contains(reason);
          assertThat(c.render()).endsWith("\n  " + " ".repeat(column - 1) + "^");
        });
  }

  @Test
  void javaRegexAcceptsTheConstructsRe2Rejects() {
    for (String javaOnly : List.of("(a)\\1", "x(?=y)", "(?!y)", "b(?<=a)", "ba*+", "(?>ab)", "x\\Z")) {
      java.util.regex.Pattern.compile(javaOnly);
    }
    assertThat(List.of("(a)\\1", "x(?=y)")).allSatisfy(re -> assertThatThrownBy(
        () -> AnchoredRegex.compile(re, i -> null, "")).isInstanceOf(ConfigException.class));
  }

  static Stream<Arguments> anchoring() {
    return Stream.of(
        arguments("foo", "foo", true),
        arguments("foo", "foobar", false),
        arguments("foo", "xfoo", false),
        arguments("foo|bar", "bar", true),
        arguments("foo|bar", "foobar", false),
        arguments("2..", "200", true),
        arguments("2..", "2000", false),
        arguments(".*", "", true),
        arguments(".+", "", false),
        arguments("a.b", "a\nb", true),
        arguments("(?i)GET", "get", true),
        // Shapes answered without the engine must agree with it.
        arguments("GET|POST", "POST", true),
        arguments("GET|POST", "GETPOST", false),
        arguments("GET|", "", true),
        arguments("host-.*", "host-1", true),
        arguments("host-.*", "xhost-1", false),
        arguments("host-.*", "host-\n", true),
        arguments(".*-1", "host-1", true),
        arguments(".*-1", "host-12", false),
        arguments(".*os.*", "host", true),
        arguments(".*os.*", "hst", false),
        arguments(".+", "\n", true),
        arguments("", "", true),
        arguments("", "a", false));
  }

  @ParameterizedTest(name = "=~\"{0}\" on \"{1}\": {2}")
  @MethodSource("anchoring")
  void regexesAreFullyAnchored(String regex, String value, boolean matches) throws ConfigException {
    String v = value.replace("\\n", "\n");
    LabelMatcher m = Selector.parse("{a=~" + Selector.quote(regex) + ",b=\"x\"}").matchers().get(0);

    assertThat(m.matches(v)).isEqualTo(matches);
    assertThat(com.google.re2j.Pattern.compile("^(?s:" + regex + ")$").matches(v))
        .as("the regex engine agrees").isEqualTo(matches);
    assertThat(m.matches(v)).as("cached").isEqualTo(matches);
  }

  @Test
  void anAbsentLabelMatchesAsTheEmptyString() throws ConfigException {
    List<LabelMatcher> ms = Selector.parse("{a=\"\",b!=\"\",c=~\"x?\",d!~\".+\"}").matchers();

    assertThat(ms).extracting(m -> m.matches(null)).containsExactly(true, false, true, true);
  }
}

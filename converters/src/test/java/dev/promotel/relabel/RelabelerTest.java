package dev.promotel.relabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.promotel.select.LabelMatcher;
import dev.promotel.select.Selector;
import dev.promotel.yaml.YamlLoader;
import java.io.IOException;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prometheus relabel semantics, one table row per behaviour: rules as YAML, a series in, the
 * series out (labels sorted, {@code __name__} as the name) or {@code dropped}.
 */
class RelabelerTest {

  static Stream<Arguments> rules() {
    return Stream.of(
        // replace and its defaults: separator ";", regex "(.*)", replacement "$1", action replace
        arguments("replace with every default copies a value",
            "- {source_labels: [a], target_label: b}", "m{a=\"x\"}", "m{a=\"x\",b=\"x\"}"),
        arguments("the default separator is ;",
            "- {source_labels: [a, c], target_label: b}", "m{a=\"x\",c=\"y\"}",
            "m{a=\"x\",b=\"x;y\",c=\"y\"}"),
        arguments("a separator joins source values",
            "- {source_labels: [a, c], separator: /, target_label: b}", "m{a=\"x\",c=\"y\"}",
            "m{a=\"x\",b=\"x/y\",c=\"y\"}"),
        arguments("absent source labels join as empty strings",
            "- {source_labels: [a, nope, c], target_label: b}", "m{a=\"x\",c=\"y\"}",
            "m{a=\"x\",b=\"x;;y\",c=\"y\"}"),
        arguments("groups expand as $2 and ${1}",
            "- {source_labels: [a, c], regex: '(.+);(.+)', target_label: b,"
                + " replacement: '${2}-$1'}", "m{a=\"x\",c=\"y\"}",
            "m{a=\"x\",b=\"y-x\",c=\"y\"}"),
        arguments("no match, no replacement",
            "- {source_labels: [a], regex: 'y+', target_label: b, replacement: z}", "m{a=\"x\"}",
            "m{a=\"x\"}"),
        arguments("the regex is anchored",
            "- {source_labels: [a], regex: 'x', target_label: b, replacement: hit}",
            "m{a=\"xx\"}", "m{a=\"xx\"}"),
        arguments("an empty result deletes the target",
            "- {source_labels: [nope], regex: '(.*)', target_label: a}", "m{a=\"x\"}", "m"),
        arguments("no source labels set a constant (Prometheus' fast path)",
            "- {target_label: env, replacement: prod}", "m{a=\"x\"}",
            "m{a=\"x\",env=\"prod\"}"),
        arguments("$1x names group \"1x\", which does not exist: empty, so deleted",
            "- {source_labels: [a], target_label: a, replacement: '$1x'}", "m{a=\"x\"}", "m"),
        arguments("${1}x is group 1 then x",
            "- {source_labels: [a], target_label: a, replacement: '${1}x'}", "m{a=\"x\"}",
            "m{a=\"xx\"}"),
        arguments("$$ is a literal dollar",
            "- {source_labels: [a], target_label: b, replacement: '$$1'}", "m{a=\"x\"}",
            "m{a=\"x\",b=\"$1\"}"),
        arguments("a malformed $ stays literal",
            "- {source_labels: [a], target_label: b, replacement: 'a$ ${x'}", "m{a=\"x\"}",
            "m{a=\"x\",b=\"a$ ${x\"}"),
        arguments("a leading zero is a name, not a number",
            "- {source_labels: [a], target_label: b, replacement: 'v$01'}", "m{a=\"x\"}",
            "m{a=\"x\",b=\"v\"}"),
        arguments("named groups expand by name",
            "- {source_labels: [a], regex: '(?P<first>.)(?P<rest>.*)', target_label: b,"
                + " replacement: '$rest$first'}", "m{a=\"abc\"}", "m{a=\"abc\",b=\"bca\"}"),
        arguments("the target label may expand",
            "- {source_labels: [a], regex: '(.*)', target_label: '${1}_copy'}", "m{a=\"x\"}",
            "m{a=\"x\",x_copy=\"x\"}"),
        arguments("a target that expands to an invalid (empty) name is skipped",
            "- {source_labels: [a], regex: '(.*)', target_label: '$2', replacement: v}",
            "m{a=\"x\"}", "m{a=\"x\"}"),
        arguments(". matches a newline (?s)",
            "- {source_labels: [a], regex: 'a.b', action: drop}", "m{a=\"a\\nb\"}", "dropped"),
        arguments("replace can rename the metric",
            "- {source_labels: [__name__], regex: 'node_(.*)', target_label: __name__,"
                + " replacement: 'host_$1'}", "node_load1", "host_load1"),
        // keep, drop, keepequal, dropequal
        arguments("keep keeps a match", "- {source_labels: [__name__], regex: 'node_.*',"
            + " action: keep}", "node_load1", "node_load1"),
        arguments("keep drops the rest", "- {source_labels: [__name__], regex: 'node_.*',"
            + " action: keep}", "go_goroutines", "dropped"),
        arguments("drop drops a match", "- {source_labels: [__name__, mode],"
            + " regex: 'cpu;idle', action: drop}", "cpu{mode=\"idle\"}", "dropped"),
        arguments("drop keeps the rest", "- {source_labels: [__name__, mode],"
            + " regex: 'cpu;idle', action: drop}", "cpu{mode=\"user\"}", "cpu{mode=\"user\"}"),
        arguments("an action is case-insensitive", "- {source_labels: [a], regex: x,"
            + " action: DROP}", "m{a=\"x\"}", "dropped"),
        arguments("keepequal keeps equal values", "- {source_labels: [a], target_label: b,"
            + " action: keepequal}", "m{a=\"x\",b=\"x\"}", "m{a=\"x\",b=\"x\"}"),
        arguments("keepequal drops different values", "- {source_labels: [a], target_label: b,"
            + " action: keepequal}", "m{a=\"x\",b=\"y\"}", "dropped"),
        arguments("dropequal drops equal values", "- {source_labels: [a], target_label: b,"
            + " action: dropequal}", "m{a=\"x\",b=\"x\"}", "dropped"),
        arguments("dropequal keeps different values", "- {source_labels: [a], target_label: b,"
            + " action: dropequal}", "m{a=\"x\",b=\"y\"}", "m{a=\"x\",b=\"y\"}"),
        // hashmod: expected values from `printf '%s' VALUE | md5sum`, last 16 hex digits, mod N
        arguments("hashmod of a;b mod 10 (md5 …21960bf46f2ebd0a)",
            "- {source_labels: [a, b], modulus: 10, target_label: shard, action: hashmod}",
            "m{a=\"a\",b=\"b\"}", "m{a=\"a\",b=\"b\",shard=\"4\"}"),
        arguments("hashmod of foo mod 8 (md5 …edef654fccc4a4d8)",
            "- {source_labels: [a], modulus: 8, target_label: shard, action: hashmod}",
            "m{a=\"foo\"}", "m{a=\"foo\",shard=\"0\"}"),
        arguments("hashmod of the empty string mod 3 (md5 …e9800998ecf8427e)",
            "- {modulus: 3, target_label: shard, action: hashmod}", "m", "m{shard=\"1\"}"),
        arguments("hashmod of a metric name mod 4 (md5 …fb227cfca80ea8be)",
            "- {source_labels: [__name__], modulus: 4, target_label: shard, action: hashmod}",
            "node_cpu_seconds_total", "node_cpu_seconds_total{shard=\"2\"}"),
        arguments("hashmod hashes UTF-8 bytes (héllo mod 1000, md5 …595bc7307fb91b50)",
            "- {source_labels: [a], modulus: 1000, target_label: shard, action: hashmod}",
            "m{a=\"héllo\"}", "m{a=\"héllo\",shard=\"216\"}"),
        arguments("hashmod is unsigned 64-bit (x;y;z mod 2^64-1, md5 …27bf64b1ecd529fc)",
            "- {source_labels: [a, b, c], modulus: 18446744073709551615, target_label: s,"
                + " action: hashmod}", "m{a=\"x\",b=\"y\",c=\"z\"}",
            "m{a=\"x\",b=\"y\",c=\"z\",s=\"2864118603376306684\"}"),
        // labelmap, labeldrop, labelkeep
        arguments("labelmap copies matching labels",
            "- {regex: '__meta_(.+)', action: labelmap}", "m{__meta_zone=\"a\"}",
            "m{__meta_zone=\"a\",zone=\"a\"}"),
        arguments("labelmap: on a collision the label visited last wins",
            "- {regex: '(?:x|y)_(.*)', action: labelmap}", "m{x_k=\"1\",y_k=\"2\"}",
            "m{k=\"2\",x_k=\"1\",y_k=\"2\"}"),
        arguments("labelmap visits added labels after the original ones",
            "- {source_labels: [a], target_label: a_k, replacement: added}\n"
                + "- {regex: '(?:a|b)_(.*)', action: labelmap}", "m{a=\"1\",b_k=\"orig\"}",
            "m{a=\"1\",a_k=\"added\",b_k=\"orig\",k=\"added\"}"),
        arguments("labelmap skips a name that expands to nothing",
            "- {regex: '(a)|(b)', replacement: '$2', action: labelmap}", "m{a=\"1\",b=\"2\"}",
            "m{a=\"1\",b=\"2\"}"),
        arguments("labeldrop removes matching names",
            "- {regex: 'tmp_.*', action: labeldrop}", "m{a=\"1\",tmp_x=\"2\"}", "m{a=\"1\"}"),
        arguments("labelkeep removes the others",
            "- {regex: '__name__|a', action: labelkeep}", "m{a=\"1\",b=\"2\"}", "m{a=\"1\"}"),
        arguments("labelkeep without __name__ removes the name too",
            "- {regex: 'a', action: labelkeep}", "m{a=\"1\"}", "{a=\"1\"}"),
        // lowercase, uppercase
        arguments("lowercase", "- {source_labels: [a], target_label: b, action: lowercase}",
            "m{a=\"MiXed\"}", "m{a=\"MiXed\",b=\"mixed\"}"),
        arguments("uppercase of joined values", "- {source_labels: [a, c], target_label: a,"
            + " action: uppercase}", "m{a=\"x\",c=\"y\"}", "m{a=\"X;Y\",c=\"y\"}"),
        // sequences
        arguments("__tmp labels carry values between rules",
            "- {source_labels: [a], target_label: __tmp_a}\n"
                + "- {source_labels: [__tmp_a], regex: '(.)(.*)', target_label: b,"
                + " replacement: '$2$1'}\n"
                + "- {regex: '__tmp_.*', action: labeldrop}", "m{a=\"xyz\"}",
            "m{a=\"xyz\",b=\"yzx\"}"),
        arguments("the first dropping rule ends processing",
            "- {source_labels: [a], regex: x, action: drop}\n"
                + "- {target_label: never, replacement: set}", "m{a=\"x\"}", "dropped"),
        arguments("an empty __name__ deletes it",
            "- {source_labels: [__name__], regex: 'go_.*', target_label: __name__,"
                + " replacement: ''}", "go_goroutines{a=\"1\"}", "{a=\"1\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void relabelsAsPrometheusDoes(String name, String yaml, String series, String expected)
      throws IOException {
    Relabeler relabeler = new Relabeler(RelabelConfigs.parse(YamlLoader.load("rules.yml", yaml),
        null));

    assertThat(relabel(relabeler, series)).isEqualTo(expected);
  }

  @Test
  void countsWhatEachRuleMatchedAndDropped() throws IOException {
    Relabeler relabeler = new Relabeler(RelabelConfigs.parse(YamlLoader.load("rules.yml",
        "- {source_labels: [a], regex: x, action: drop}\n"
            + "- {source_labels: [a], regex: nothing, target_label: b}\n"), null));

    for (String s : List.of("m{a=\"x\"}", "m{a=\"y\"}", "m{a=\"z\"}")) relabel(relabeler, s);

    assertThat(relabeler.matchedCount(0)).isEqualTo(1);
    assertThat(relabeler.droppedCount(0)).isEqualTo(1);
    assertThat(relabeler.matchedCount(1)).isZero();
  }

  @Test
  void tracesWhatEachRuleDid() throws IOException {
    Relabeler relabeler = new Relabeler(RelabelConfigs.parse(YamlLoader.load("rules.yml",
        "- {source_labels: [a], target_label: b}\n"
            + "- {source_labels: [a], regex: 'y', action: drop}\n"), null));
    StringBuilder trace = new StringBuilder();

    LabelBuilder lb = builder("m{a=\"y\"}");
    relabeler.process(lb, trace);

    assertThat(trace.toString()).isEqualTo(
        "  #1 rules.yml:1:3 replace: set b=\"y\"\n"
            + "  #2 rules.yml:2:3 drop: regex matched \"y\": dropped\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void remembersNothingThatChangesAnOutcome(String name, String yaml, String series,
      String expected) throws IOException {
    List<RelabelRule> rules = RelabelConfigs.parse(YamlLoader.load("rules.yml", yaml), null);
    Relabeler fresh = new Relabeler(rules, false);
    Relabeler memoized = new Relabeler(rules, true);

    // Twice: the second run answers every rule from what the first remembered.
    for (int run = 0; run < 2; run++) {
      assertThat(relabel(memoized, series)).isEqualTo(relabel(fresh, series))
          .isEqualTo(expected);
      assertThat(trace(memoized, series)).isEqualTo(trace(fresh, series));
    }
  }

  @Test
  void remembersAtMostTheLimitAndStaysExactBeyondIt() throws IOException {
    List<RelabelRule> rules = RelabelConfigs.parse(YamlLoader.load("rules.yml",
        "- {source_labels: [a], regex: '.*7', action: drop}\n"
            + "- {source_labels: [__name__, a], regex: 'm;(1.*)', target_label: b,"
            + " replacement: 'one-$1'}\n"
            + "- {source_labels: [a], modulus: 5, target_label: shard, action: hashmod}\n"),
        null);
    Relabeler fresh = new Relabeler(rules, false);
    Relabeler memoized = new Relabeler(rules, true);

    int distinct = Relabeler.MEMO_LIMIT * 2 + 10;
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < distinct; i++) {
        String series = "m{a=\"" + i + "\"}";
        assertThat(relabel(memoized, series)).as(series).isEqualTo(relabel(fresh, series));
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      assertThat(memoized.matchedCount(i)).isEqualTo(fresh.matchedCount(i));
      assertThat(memoized.droppedCount(i)).isEqualTo(fresh.droppedCount(i));
    }
    // Every value ending in 7 is dropped, in both rounds, remembered or not.
    long endingIn7 = 0;
    for (int i = 0; i < distinct; i++) if (i % 10 == 7) endingIn7++;
    assertThat(memoized.droppedCount(0)).isEqualTo(2 * endingIn7);
  }

  private static String trace(Relabeler relabeler, String series) throws IOException {
    StringBuilder trace = new StringBuilder();
    relabeler.process(builder(series), trace);
    return trace.toString();
  }

  /** The series after the rules, as {@code name{a="1"}}, or {@code dropped}. */
  private static String relabel(Relabeler relabeler, String series) throws IOException {
    LabelBuilder lb = builder(series);
    if (!relabeler.process(lb, null)) return "dropped";
    String[][] labels = lb.labels();
    StringBuilder out = new StringBuilder();
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < labels[0].length; i++) {
      if (labels[0][i].equals("__name__")) {
        out.append(labels[1][i]);
      } else {
        rest.append(rest.length() == 0 ? "{" : ",").append(labels[0][i]).append("=\"")
            .append(labels[1][i].replace("\n", "\\n")).append('"');
      }
    }
    if (rest.length() > 0) out.append(rest).append('}');
    return out.toString();
  }

  private static LabelBuilder builder(String series) throws IOException {
    TreeMap<String, String> labels = new TreeMap<>();
    for (LabelMatcher m : Selector.parse(series).matchers()) labels.put(m.name(), m.value());
    LabelBuilder lb = new LabelBuilder();
    lb.reset(labels.keySet().toArray(new String[0]), labels.values().toArray(new String[0]));
    return lb;
  }
}

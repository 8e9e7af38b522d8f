package dev.promotel.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlLoaderTest {

  @Test
  void nodesKnowTheLineAndColumnWhereTheyStart() throws IOException {
    YamlMapping root = YamlLoader.load("r.yml", """
        scrape_configs:
          - job_name: node
            static_configs:
              - targets: ["a:9100", 'b:9100']
        """).asMapping();
    YamlMapping job = root.require("scrape_configs").asSequence().items().get(0).asMapping();
    assertThat(job.key("job_name").orElseThrow().position().toString()).isEqualTo("r.yml:2:5");
    assertThat(job.require("job_name").position().toString()).isEqualTo("r.yml:2:15");
    YamlSequence targets = job.require("static_configs").asSequence().items().get(0).asMapping()
        .require("targets").asSequence();
    assertThat(targets.items()).extracting(n -> n.position().column()).containsExactly(19L, 29L);
    assertThat(targets.items()).extracting(Object::toString).containsExactly("a:9100", "b:9100");
  }

  @Test
  void scalarsKeepTheirTextQuotingAndNullness() throws IOException {
    YamlMapping m = YamlLoader.load("s.yml", """
        plain: 0755
        quoted: "0755"
        empty:
        tilde: ~
        quotedNull: "null"
        flag: yes
        ratio: 1.5e3
        inf: -.inf
        """).asMapping();
    assertThat(m.require("plain").asScalar().text()).isEqualTo("0755");
    assertThat(m.require("plain").asScalar().quoted()).isFalse();
    assertThat(m.require("quoted").asScalar().quoted()).isTrue();
    assertThat(m.require("empty").asScalar().isNull()).isTrue();
    assertThat(m.require("tilde").asScalar().isNull()).isTrue();
    assertThat(m.require("quotedNull").asScalar().isNull()).isFalse();
    assertThat(m.require("quotedNull").asScalar().asString()).isEqualTo("null");
    assertThat(m.require("flag").asScalar().asBoolean()).isTrue();
    assertThat(m.require("ratio").asScalar().asDouble()).isEqualTo(1500.0);
    assertThat(m.require("inf").asScalar().asDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThatThrownBy(() -> m.require("empty").asScalar().asString())
        .hasMessage("s.yml:3:7: expected a string, got null");
    assertThatThrownBy(() -> m.require("quoted").asMapping())
        .hasMessage("s.yml:2:9: expected a mapping, got a scalar");
  }

  @Test
  void aliasesShareTheAnchoredNodeAndMergeKeysAddMissingKeys() throws IOException {
    YamlMapping m = YamlLoader.load("a.yml", """
        base: &base
          scheme: https
          interval: 30s
        jobs:
          - <<: *base
            interval: 10s
            name: fast
          - *base
        """).asMapping();
    List<YamlNode> jobs = m.require("jobs").asSequence().items();
    YamlMapping fast = jobs.get(0).asMapping();
    assertThat(fast.keys()).containsExactly("interval", "name", "scheme");
    assertThat(fast.require("interval").toString()).isEqualTo("10s");
    assertThat(fast.require("scheme").position().toString()).isEqualTo("a.yml:2:11");
    assertThat(jobs.get(1)).isSameAs(m.require("base"));
  }

  @Test
  void billionLaughsFailsAtTheAliasThatCrossesTheLimit() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      yaml.append("]\n");
    }
    assertThatThrownBy(() -> YamlLoader.load("bomb.yml", yaml.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bomb.yml:6:")
        .hasMessageContaining("more than 1000000 nodes through aliases");
  }

  @Test
  void deepNestingIsRefusedWithAPosition() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThatThrownBy(() -> YamlLoader.load("deep.yml", deep))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("deep.yml:1:");
  }

  @Test
  void duplicateKeysAndUnknownAliasesAreErrorsAtTheirPosition() {
    assertThatThrownBy(() -> YamlLoader.load("d.yml", "a: 1\nb: 2\na: 3\n"))
        .hasMessage("d.yml:3:1: duplicate key \"a\"");
    assertThatThrownBy(() -> YamlLoader.load("u.yml", "a: *nope\n"))
        .hasMessage("u.yml:1:4: unknown alias *nope");
  }

  @Test
  void syntaxErrorsArePositionedAndCarryTheLine() {
    assertThatThrownBy(() -> YamlLoader.load("bad.yml", "a:\n  - b\n c: [1, 2\n"))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.getMessage()).startsWith("bad.yml:").contains("invalid YAML");
          assertThat(e.position().line()).isBetween(2L, 4L);
        });
  }

  @Test
  void multipleDocumentsAndEmptyFiles() throws IOException {
    assertThat(YamlLoader.loadAll("m.yml", "a: 1\n---\nb: 2\n")).hasSize(2);
    assertThat(YamlLoader.loadAll("e.yml", "")).isEmpty();
    assertThat(YamlLoader.load("e.yml", "# only a comment\n").asMapping().isEmpty()).isTrue();
    assertThatThrownBy(() -> YamlLoader.load("m.yml", "a: 1\n---\nb: 2\n"))
        .hasMessageStartingWith("m.yml:3:1: expected one YAML document");
  }

  @Test
  void unknownKeysSuggestTheNearestAllowedKey() throws IOException {
    YamlMapping m = YamlLoader.load("k.yml", "action: keep\nregexp: x\n").asMapping();
    assertThatThrownBy(() -> m.checkKeys(Set.of("action", "regex", "source_labels")))
        .hasMessage("k.yml:2:1: unknown key \"regexp\" (did you mean \"regex\"?)")
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.render()).endsWith("regexp: x\n  ^"));
  }

  @Test
  void filesAreReadAsUtf8WithTheirPathAsName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.yml");
    Files.writeString(file, "name: \"größe\"\n");
    YamlNode node = YamlLoader.load(file).asMapping().require("name");
    assertThat(node.toString()).isEqualTo("größe");
    assertThat(node.position().source()).isEqualTo(file.toString());
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff});
    assertThatThrownBy(() -> YamlLoader.load(file)).hasMessageEndingWith("not UTF-8 text");
  }
}

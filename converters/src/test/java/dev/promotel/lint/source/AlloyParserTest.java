package dev.promotel.lint.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.lint.source.AlloyParser.Arr;
import dev.promotel.lint.source.AlloyParser.Attribute;
import dev.promotel.lint.source.AlloyParser.Block;
import dev.promotel.lint.source.AlloyParser.Bool;
import dev.promotel.lint.source.AlloyParser.Null;
import dev.promotel.lint.source.AlloyParser.Num;
import dev.promotel.lint.source.AlloyParser.Obj;
import dev.promotel.lint.source.AlloyParser.Opaque;
import dev.promotel.lint.source.AlloyParser.Ref;
import dev.promotel.lint.source.AlloyParser.Statement;
import dev.promotel.lint.source.AlloyParser.Str;
import dev.promotel.yaml.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlloyParserTest {
  private static final String CONFIG = """
      // Kubernetes pod logs
      discovery.kubernetes "pods" {
        role = "pod"
      }

      discovery.relabel "pods" {
        targets = discovery.kubernetes.pods.targets
        rule {
          source_labels = ["__meta_kubernetes_namespace"]
          target_label  = "namespace"
        }
      }

      /* the writer */
      loki.write "default" {
        endpoint {
          url = sys.env("LOKI_URL") + "/loki/api/v1/push"
        }
        external_labels = { cluster = "eu1", "env" = `prod`, }
      }

      logging {
        level  = "info"
        format = "logfmt"
      }
      x = [1, -2.5, true, null, {a = [], b = {}}]
      """;

  @Test
  void blocksWithLabelsAndNestedBlocksAreParsedWithPositions() throws ConfigException {
    List<Statement> s = AlloyParser.parse("c.alloy", CONFIG);
    assertThat(s).hasSize(5);
    Block relabel = (Block) s.get(1);
    assertThat(relabel.name()).isEqualTo("discovery.relabel");
    assertThat(relabel.label()).isEqualTo("pods");
    assertThat(relabel.at().toString()).isEqualTo("c.alloy:6:1");
    assertThat(relabel.attribute("targets").get().value()).isEqualTo(
        new Ref("discovery.kubernetes.pods.targets", relabel.attribute("targets").get().value().at()));
    Block rule = relabel.blocks("rule").get(0);
    Attribute target = rule.attribute("target_label").get();
    assertThat(target.value()).isInstanceOf(Str.class).extracting(v -> ((Str) v).text()).isEqualTo("namespace");
    assertThat(target.value().at().toString()).isEqualTo("c.alloy:10:21");
    assertThat(((Block) s.get(3)).name()).isEqualTo("logging");
    assertThat(((Block) s.get(3)).label()).isEmpty();
  }

  @Test
  void objectsTakeBareAndQuotedKeysAndRawStringsAndCallsStayOpaque() throws ConfigException {
    Block write = (Block) AlloyParser.parse("c.alloy", CONFIG).get(2);
    Obj ext = (Obj) write.attribute("external_labels").get().value();
    assertThat(ext.fields()).extracting(AlloyParser.Field::name).containsExactly("cluster", "env");
    assertThat(ext.fields().get(1).value()).isInstanceOf(Str.class).extracting(v -> ((Str) v).text()).isEqualTo("prod");
    Attribute url = write.blocks("endpoint").get(0).attribute("url").get();
    assertThat(url.value()).isInstanceOf(Opaque.class)
        .extracting(v -> ((Opaque) v).text()).isEqualTo("sys.env(\"LOKI_URL\") + \"/loki/api/v1/push\"");
  }

  @Test
  void literalsOfEveryKindAreRead() throws ConfigException {
    Attribute x = (Attribute) AlloyParser.parse("c.alloy", CONFIG).get(4);
    Arr arr = (Arr) x.value();
    assertThat(arr.items()).hasSize(5);
    assertThat(arr.items().get(0)).isInstanceOf(Num.class);
    assertThat(((Num) arr.items().get(1)).text()).isEqualTo("-2.5");
    assertThat(arr.items().get(2)).isInstanceOf(Bool.class);
    assertThat(arr.items().get(3)).isInstanceOf(Null.class);
    assertThat(((Obj) arr.items().get(4)).fields()).hasSize(2);
  }

  @Test
  void escapesInStringsAreDecoded() throws ConfigException {
    Attribute a = (Attribute) AlloyParser.parse("c.alloy", "a = \"x\\\"y\\n\\u0041\"\n").get(0);
    assertThat(((Str) a.value()).text()).isEqualTo("x\"y\nA");
  }

  @Test
  void syntaxErrorsArePositionedAndSayWhatWasExpected() {
    assertThatThrownBy(() -> AlloyParser.parse("c.alloy", "loki.write \"a\" {\n  url = \n}\n"))
        .isInstanceOf(ConfigException.class).hasMessage("c.alloy:3:1: expected a value, got \"}\"");
    assertThatThrownBy(() -> AlloyParser.parse("c.alloy", "loki.write \"a\" {\n  url = \"x\"\n"))
        .hasMessage("c.alloy:3:1: expected \"}\" to close the block, got the end of the file");
    assertThatThrownBy(() -> AlloyParser.parse("c.alloy", "a = [1, 2\nb = 3\n"))
        .hasMessage("c.alloy:2:1: expected \",\" or \"]\" in the array, got \"b\"");
    assertThatThrownBy(() -> AlloyParser.parse("c.alloy", "a = \"open\n"))
        .hasMessage("c.alloy:1:5: unterminated string");
    assertThatThrownBy(() -> AlloyParser.parse("c.alloy", "loki.write \"a\" = 3\n"))
        .hasMessage("c.alloy:1:16: expected \"=\" or a block body after \"loki.write\", got \"=\"");
    assertThatThrownBy(() -> AlloyParser.parse("c.alloy", "/* never closed\n"))
        .hasMessage("c.alloy:1:1: unterminated /* comment");
  }
}

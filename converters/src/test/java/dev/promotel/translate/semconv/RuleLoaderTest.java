package dev.promotel.translate.semconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promotel.yaml.ConfigException;
import org.junit.jupiter.api.Test;

class RuleLoaderTest {
  private static final String HEAD = "schema: promotel.rules/v1\nruleset: { id: t }\nrules:\n";
  private final RuleLoader loader = new RuleLoader(Registry.bundled());

  private String error(String text) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
        () -> loader.load("rules.yaml", text)).getMessage();
  }

  @Test
  void anUnknownInstrumentIsReportedAtItsLineAndColumn() {
    String msg = error(HEAD
        + "  - id: a\n"
        + "    match: { name: x_total }\n"
        + "    to: { name: system.cpu.time, instrument: countr, unit: s }\n");
    assertThat(msg).startsWith("rules.yaml:6:").contains("unknown instrument \"countr\"");
  }

  @Test
  void anUnknownKeyIsReportedAtTheKey() {
    String msg = error(HEAD + "  - id: a\n    mtch: { name: x }\n");
    assertThat(msg).startsWith("rules.yaml:5:5:").contains("unknown key \"mtch\"");
  }

  @Test
  void brokenYamlGivesAPositionedError() {
    assertThatThrownBy(() -> loader.load("rules.yaml", HEAD + "  - id: [a\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("rules.yaml:");
  }

  @Test
  void anExampleWhoseInputIsNotPrometheusTextIsAConfigErrorAtTheExample() {
    String msg = error(HEAD + "  - { id: a, match: { name: foo }, drop: true }\n"
        + "examples:\n"
        + "  - in: \"foo{{ 1\"\n"
        + "    out: \"\"\n");
    assertThat(msg).startsWith("rules.yaml:6:9:").doesNotContainPattern("rules\\.yaml:\\d+:\\d+:\\d+")
        .contains("example \"in\"");
  }

  @Test
  void anExampleWhoseOutputIsNotInTheOutNotationIsAConfigErrorAtTheExample() {
    String msg = error(HEAD + "  - { id: a, match: { name: foo }, drop: true }\n"
        + "examples:\n"
        + "  - in: \"foo 1\"\n"
        + "    out: \"bar{x=1 2\"\n");
    assertThat(msg).startsWith("rules.yaml:7:").contains("example \"out\"");
  }

  @Test
  void twoRulesGivingOneTargetDifferentUnitsAreAConfigErrorNamingBoth() {
    String msg = error("schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off } }\nrules:\n"
        + "  - { id: a, match: { name: x }, to: { name: t.x, instrument: gauge, unit: s } }\n"
        + "  - { id: b, match: { name: y }, to: { name: t.x, instrument: gauge, unit: ms } }\n");
    assertThat(msg).startsWith("rules.yaml:5:").contains("rule \"b\"").contains("rule \"a\"");
  }

  @Test
  void twoRulesGivingOneTargetDifferentInstrumentsAreAConfigError() {
    String msg = error("schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off } }\nrules:\n"
        + "  - { id: a, match: { name: x }, to: { name: t.x, instrument: gauge } }\n"
        + "  - { id: b, match: { name: y }, to: { name: t.x, instrument: counter } }\n");
    assertThat(msg).startsWith("rules.yaml:5:").contains("as a counter").contains("as a gauge");
  }

  @Test
  void aZeroOrNegativeScaleIsAConfigError() {
    for (String scale : new String[] {"0", "-2"}) {
      String msg = error("schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off } }\nrules:\n"
          + "  - { id: a, match: { name: x }, to: { name: t.x, instrument: gauge }, scale: " + scale + " }\n");
      assertThat(msg).startsWith("rules.yaml:4:").contains("scale must be a positive number");
    }
  }

  @Test
  void anInvalidRegexIsReportedAtTheRegex() {
    String msg = error(HEAD + "  - id: a\n    match: { regex: 'node_(x' }\n    drop: true\n");
    assertThat(msg).startsWith("rules.yaml:5:").contains("invalid regex");
  }

  @Test
  void aStrictSetRejectsATargetWithTheWrongUnit() {
    String msg = error(HEAD
        + "  - id: a\n    match: { name: x_total }\n"
        + "    to: { name: system.cpu.time, instrument: counter, unit: ms }\n");
    assertThat(msg).startsWith("rules.yaml:6:").contains("has unit \"s\" in the registry, not \"ms\"");
  }

  @Test
  void aStrictSetRejectsADeprecatedTargetNamingItsReplacement() {
    String msg = error(HEAD
        + "  - id: a\n    match: { name: x_total }\n"
        + "    to: { name: system.network.packets, instrument: counter, unit: \"{packet}\" }\n");
    assertThat(msg).contains("deprecated").contains("system.network.packet.count");
  }

  @Test
  void aStrictSetRejectsAMissingRequiredAttribute() {
    String msg = error(HEAD
        + "  - id: a\n    match: { name: h }\n"
        + "    to: { name: http.server.request.duration, instrument: histogram, unit: s }\n");
    assertThat(msg).contains("requires attribute \"http.request.method\"");
  }

  @Test
  void aWarnSetKeepsRegistryProblemsAsWarnings() throws Exception {
    RuleSet set = loader.load("rules.yaml", "schema: promotel.rules/v1\n"
        + "ruleset: { id: t, target: { registry: warn } }\nrules:\n"
        + "  - id: a\n    match: { name: x }\n    to: { name: my.metric, instrument: gauge }\n"
        + "    confidence: x\n    evidence: y\n");
    assertThat(set.warnings()).singleElement().asString().contains("not in the semconv registry");
  }

  @Test
  void aManyToOneValueMapOfATwoWaySetNeedsExplicitReverseValues() {
    String msg = error("schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off } }\nrules:\n"
        + "  - id: a\n    match: { name: x }\n    to: { name: y, instrument: gauge }\n"
        + "    labels:\n      values:\n        m: { map: { a: c, b: c } }\n");
    assertThat(msg).startsWith("rules.yaml:9:").contains("not one-to-one");
  }

  @Test
  void scaleFromAUnitIsDerivedFromTheTargetUnit() throws Exception {
    RuleSet set = loader.load("rules.yaml", "schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off } }\n"
        + "rules:\n"
        + "  - { id: a, match: { name: a }, to: { name: a, instrument: gauge, unit: s }, scale: { from: ms } }\n"
        + "  - { id: b, match: { name: b }, to: { name: b, instrument: gauge, unit: By }, scale: { from: KiBy } }\n");
    assertThat(set.rules().get(0).scale).isEqualTo(0.001);
    assertThat(set.rules().get(1).scale).isEqualTo(1024);
  }

  @Test
  void aLookupThatDoesNotExistIsAnError() {
    String msg = error("schema: promotel.rules/v1\nruleset: { id: t, target: { registry: off }, direction: to-otel }\n"
        + "rules:\n  - id: a\n    match: { name: x }\n    to: { name: y, instrument: gauge }\n"
        + "    labels: { values: { m: { map: $nope } } }\n");
    assertThat(msg).startsWith("rules.yaml:7:").contains("no lookup named \"nope\"");
  }
}

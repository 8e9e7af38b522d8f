package dev.promotel.translate.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BundledRuleSetsTest {
  private static final Path RULES_DIR = Path.of("..", "naming-rules");

  @Test
  void theIndexListsEveryYamlFileOfTheNamingRulesFolder() throws IOException {
    List<String> onDisk = new ArrayList<>();
    try (Stream<Path> files = Files.walk(RULES_DIR)) {
      files.filter(p -> p.toString().endsWith(".yaml"))
          .forEach(p -> onDisk.add(RULES_DIR.relativize(p).toString().replace('\\', '/')));
    }
    assertThat(new TreeSet<>(RuleLoader.bundledFiles())).isEqualTo(new TreeSet<>(onDisk));
  }

  @Test
  void theBundledSetsHoldAtLeast150RulesEachWithConfidenceAndEvidence() throws IOException {
    int total = 0;
    for (RuleSet set : new RuleLoader(Registry.bundled()).bundled()) {
      total += set.size();
      for (MetricRule r : set.rules()) {
        assertThat(r.confidence()).as(set.id() + "/" + r.id() + " confidence").isNotBlank();
        assertThat(r.evidence()).as(set.id() + "/" + r.id() + " evidence").isNotBlank();
      }
    }
    assertThat(total).isGreaterThanOrEqualTo(150);
  }

  @Test
  void aTargetFedBySeveralSourcesOfDifferentMeaningHasOneDescriptionOfItsOwn() throws IOException {
    for (RuleSet set : new RuleLoader(Registry.bundled()).bundled()) {
      java.util.Map<String, List<MetricRule>> byTarget = new java.util.LinkedHashMap<>();
      for (MetricRule r : set.rules()) {
        if (!r.drops()) byTarget.computeIfAbsent(r.targetName(), k -> new ArrayList<>()).add(r);
      }
      for (var e : byTarget.entrySet()) {
        List<MetricRule> rules = e.getValue();
        if (rules.size() < 2) continue;
        String where = set.id() + " → " + e.getKey();
        assertThat(rules.stream().map(r -> r.description).distinct()).as(where).hasSize(1);
        boolean splitByConstant = rules.stream().flatMap(r -> r.set.keySet().stream()).distinct()
            .anyMatch(k -> rules.stream().filter(r -> r.set.containsKey(k))
                .map(r -> r.set.get(k).asString()).distinct().count() > 1);
        if (splitByConstant) {
          assertThat(rules.get(0).description).as(where + " (sources split by a constant)").isNotBlank();
        }
      }
    }
  }

  @Test
  void theBundledSetsCompileTogetherWithoutConflicts() throws IOException {
    RuleEngine engine = new RuleEngine(new RuleLoader(Registry.bundled()).bundled());
    assertThat(engine.warnings()).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyExampleOfEveryBundledSetPasses() throws IOException {
    List<RuleSet> sets = new RuleLoader(Registry.bundled()).bundled();
    List<RuleSet> labelSets = sets.stream().filter(RuleSet::isLabelsKind).toList();
    RuleTester tester = new RuleTester(labelSets);
    List<DynamicTest> tests = new ArrayList<>();
    for (RuleSet set : sets) {
      assertThat(set.warnings()).as(set.id()).isEmpty();
      if (set.isLabelsKind()) continue;
      assertThat(set.examples()).as(set.id() + " has examples").isNotEmpty();
      for (RuleTester.Result r : tester.run(set)) {
        tests.add(DynamicTest.dynamicTest(set.id() + " " + r.example().position(), () ->
            assertThat(r.actual()).as("example at " + r.example().position() + " expected " + r.expected())
                .hasSameSizeAs(r.expected())
                .satisfies(a -> assertThat(r.passed()).as("got " + a + " expected " + r.expected()).isTrue())));
      }
    }
    return tests.stream();
  }
}

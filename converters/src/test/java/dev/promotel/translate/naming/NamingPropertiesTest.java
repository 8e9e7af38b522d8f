package dev.promotel.translate.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.internal.MetricNames;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the namers over generated names: escaping strategies always give a legacy-valid
 * name (or reject a name with nothing to keep), and translation is idempotent on its own output
 * wherever otlptranslator's is — not with a per unit in the escaping path ({@code per_second} is
 * one token, never found again) nor with a namespace (it would be prefixed twice).
 */
class NamingPropertiesTest {

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings()
        .withChars("abcXYZ019_.:-@ /")
        .withChars('é', '字', 'ñ')
        .withCharRange('\uD83D', '\uD83D')
        .ofMaxLength(16)
        .map(NamingPropertiesTest::repairSurrogates)
        .edgeCases(c -> c.add("total", "ratio", "seconds_total", "_", "1", ""));
  }

  /** Lone high surrogates become a whole emoji so names stay valid UTF-16. */
  private static String repairSurrogates(String s) {
    return s.replace("\uD83D", "\uD83D\uDE00");
  }

  @Provide
  Arbitrary<String> units() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "", "1", "s", "ms", "By", "KiBy", "TiBy", "kBy", "%", "Cel", "1/s", "By/s", "m/min",
            "{packets}", "{packets}V", "{x}/s", "By/", "/", " By / s ", "custom_unit", "a@b/c#d",
            "total", "ratio"),
        Arbitraries.strings().withChars("aBs1/{}_ @é").ofMaxLength(8));
  }

  /** Units without a per part, for which the escaping path is idempotent. */
  @Provide
  Arbitrary<String> plainUnits() {
    return Arbitraries.of(
        "", "1", "s", "ms", "min", "By", "KiBy", "TiBy", "KBy", "kBy", "m", "V", "%", "Cel", "Hz",
        "{packets}", "{packets}V", "custom", "total", "ratio", "seconds");
  }

  @Provide
  Arbitrary<String> namespaces() {
    return Arbitraries.of("", "app", "my-app", "1app", "ns:sub", "@@", "ñs");
  }

  @Provide
  Arbitrary<TranslationStrategy> escaping() {
    return Arbitraries.of(TranslationStrategy.values()).filter(TranslationStrategy::escapesNames);
  }

  @Property(tries = 3000)
  void escapingStrategiesYieldALegacyMetricName(
      @ForAll("names") String name,
      @ForAll("units") String unit,
      @ForAll MetricKind kind,
      @ForAll("escaping") TranslationStrategy strategy,
      @ForAll UnitDialect dialect,
      @ForAll("namespaces") String namespace) {
    MetricNamer namer = new MetricNamer(strategy, namespace, dialect);
    String result;
    try {
      result = namer.name(name, unit, kind);
    } catch (InvalidNameException e) {
      // Only a name with nothing to keep, under a namespace with nothing to keep, may fail.
      assertThat(name + namespace).doesNotContainPattern("[a-zA-Z0-9:]");
      return;
    }
    assertThat(MetricNames.isLegacyMetricName(result)).as(result).isTrue();
  }

  @Property(tries = 3000)
  void escapingWithSuffixesIsIdempotent(
      @ForAll("names") String name,
      @ForAll("plainUnits") String unit,
      @ForAll MetricKind kind,
      @ForAll UnitDialect dialect) {
    assertIdempotent(
        new MetricNamer(TranslationStrategy.UNDERSCORE_ESCAPING_WITH_SUFFIXES, "", dialect),
        name,
        unit,
        kind);
  }

  @Property(tries = 3000)
  void escapingWithoutSuffixesIsIdempotent(
      @ForAll("names") String name, @ForAll("units") String unit, @ForAll MetricKind kind) {
    assertIdempotent(
        new MetricNamer(
            TranslationStrategy.UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES, "", UnitDialect.OTLPTRANSLATOR),
        name,
        unit,
        kind);
  }

  /**
   * The UTF-8 path strips and re-appends its suffixes, so it is idempotent even with a per unit,
   * once the name is long enough for its suffix to be trimmed ({@code ""} → {@code _total} →
   * {@code _total_total} in otlptranslator too).
   */
  @Property(tries = 3000)
  void utf8WithSuffixesIsIdempotentForNonEmptyNames(
      @ForAll("names") String name,
      @ForAll("units") String unit,
      @ForAll MetricKind kind,
      @ForAll UnitDialect dialect) {
    if (name.isEmpty()) return;
    assertIdempotent(
        new MetricNamer(TranslationStrategy.NO_UTF8_ESCAPING_WITH_SUFFIXES, "", dialect),
        name,
        unit,
        kind);
  }

  private static void assertIdempotent(
      MetricNamer namer, String name, String unit, MetricKind kind) {
    String once;
    try {
      once = namer.name(name, unit, kind);
    } catch (InvalidNameException e) {
      return;
    }
    assertThat(namer.name(once, unit, kind)).as("%s → %s", name, once).isEqualTo(once);
  }

  @Property(tries = 3000)
  void labelNamesAreLegacyValidAndStable(
      @ForAll("names") String label,
      @ForAll boolean underscoreKeyPrefix,
      @ForAll boolean preserveMultipleUnderscores) {
    LabelNamer namer = new LabelNamer(false, underscoreKeyPrefix, preserveMultipleUnderscores);
    String once;
    try {
      once = namer.build(label);
    } catch (InvalidNameException e) {
      assertThat(label).doesNotContainPattern("[a-zA-Z0-9]");
      return;
    }
    assertThat(MetricNames.isLegacyLabelName(once)).as(once).isTrue();
    assertThat(namer.build(once)).isEqualTo(once);
  }
}

package dev.promotel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.ProtoFraming;
import dev.promotel.format.WriteOptions;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.Delta;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.ExpHistogramText;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.Stale;
import dev.promotel.translate.mapping.OtlpToPrometheusOptions.TargetInfo;
import dev.promotel.translate.mapping.PrometheusToOtlpOptions;
import dev.promotel.translate.naming.TranslationStrategy;
import dev.promotel.translate.naming.UnitDialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The mapping flags: without them the library's defaults, with them one choice each. */
class TranslationOptionsTest {
  private static ConvertCommand parse(String... args) {
    ConvertCommand convert = new ConvertCommand();
    new CommandLine(convert).parseArgs(args);
    return convert;
  }

  @Test
  void withoutFlagsTheChoicesAreTheLibraryDefaults() {
    ConvertCommand convert = parse();

    assertThat(convert.translation.toPrometheus()).isEqualTo(OtlpToPrometheusOptions.DEFAULTS);
    assertThat(convert.translation.toOtlp()).isEqualTo(PrometheusToOtlpOptions.DEFAULTS);
    assertThat(convert.output.writeOptions()).isEqualTo(WriteOptions.DEFAULTS);
  }

  @Test
  void everyOtlpToPrometheusFlagSetsItsChoice() {
    OtlpToPrometheusOptions o = parse(
        "--translation-strategy", "UnderscoreEscapingWithoutSuffixes", "--namespace", "app",
        "--unit-dialect", "ucum-strict", "--label-underscore-key-prefix",
        "--preserve-multiple-underscores", "--no-scope-labels", "--no-job-instance",
        "--target-info", "always", "--promote-resource-attributes", "host.name,cloud.region",
        "--promote-all-resource-attributes", "--ignore-resource-attributes", "k8s.pod.name",
        "--keep-identifying-resource-attributes", "--delta", "passthrough",
        "--max-delta-series", "7", "--exp-histogram-text", "classic", "--no-exemplars",
        "--stale", "nan", "--with-timestamps").translation.toPrometheus();

    assertThat(o).isEqualTo(new OtlpToPrometheusOptions(
        TranslationStrategy.UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES, "app", UnitDialect.UCUM_STRICT,
        true, true, false, false, TargetInfo.ALWAYS, List.of("host.name", "cloud.region"), true,
        List.of("k8s.pod.name"), true, Delta.PASSTHROUGH, 7, ExpHistogramText.CLASSIC, false,
        Stale.NAN, true));
  }

  @Test
  void everyPrometheusToOtlpFlagSetsItsChoice() {
    PrometheusToOtlpOptions o = parse(
        "--trim-suffixes", "--no-type-metadata", "--scope-name", "promotel",
        "--scope-version", "0.1.0", "--split-job-namespace", "--keep-job-instance-labels",
        "--default-timestamp", "2024-03-12T12:00:00.5+02:00", "--max-buffered-families", "9",
        "--max-buffered-points", "99").translation.toOtlp();

    assertThat(o).isEqualTo(PrometheusToOtlpOptions.DEFAULTS.withTrimSuffixes(true)
        .withTypeMetadata(false).withScope("promotel", "0.1.0").withSplitJobNamespace(true)
        .withKeepJobInstanceLabels(true).withDefaultTimestamp(1_710_237_600_500_000_000L)
        .withBuffer(9, 99));
  }

  @Test
  void theDefaultTimestampTakesEpochMillisecondsToo() {
    assertThat(parse("--default-timestamp", "1710237600000").translation.toOtlp()
        .defaultTimestampUnixNano()).hasValue(1_710_237_600_000_000_000L);
  }

  @Test
  void theOtlpOutputFlagsSetTheWriterChoices() {
    assertThat(parse("--pretty", "--framing", "varint").output.writeOptions())
        .isEqualTo(WriteOptions.DEFAULTS.withPretty(true).withFraming(ProtoFraming.VARINT));
    assertThat(parse("--zstd-records").output.writeOptions())
        .isEqualTo(WriteOptions.DEFAULTS.withZstdRecords(true));
  }
}

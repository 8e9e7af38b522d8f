package dev.promotel.cli;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.Format;
import dev.promotel.format.MetricReader;
import dev.promotel.format.MetricWriter;
import dev.promotel.format.ReadOptions;
import dev.promotel.io.DecompressionLimits;
import dev.promotel.io.InputSource;
import dev.promotel.io.OpenedInput;
import dev.promotel.io.OutputTarget;
import dev.promotel.pipeline.Codecs;
import dev.promotel.pipeline.Conversion;
import dev.promotel.pipeline.ReadAheadReader;
import dev.promotel.translate.temporality.TemporalityConverter;
import dev.promotel.translate.temporality.TemporalityConverter.Direction;
import dev.promotel.translate.temporality.TemporalityException;
import dev.promotel.translate.temporality.TemporalityOptions;
import dev.promotel.translate.temporality.TemporalityOptions.Emit;
import dev.promotel.translate.temporality.TemporalityOptions.Exemplars;
import dev.promotel.translate.temporality.TemporalityOptions.InitialValue;
import dev.promotel.translate.temporality.TemporalityOptions.Layout;
import dev.promotel.translate.temporality.TemporalityOptions.OnBoundsChange;
import dev.promotel.translate.temporality.TemporalityOptions.OnDuplicate;
import dev.promotel.translate.temporality.TemporalityOptions.OnGap;
import dev.promotel.translate.temporality.TemporalityOptions.OnNan;
import dev.promotel.translate.temporality.TemporalityOptions.OnOlderStart;
import dev.promotel.translate.temporality.TemporalityOptions.OnOverlap;
import dev.promotel.translate.temporality.TemporalityOptions.OnTypeChange;
import dev.promotel.translate.temporality.TemporalityOptions.Order;
import dev.promotel.translate.temporality.TemporalityOptions.Summaries;
import dev.promotel.translate.temporality.TemporalityReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code promotel temporality cumulative|delta [INPUT...]}: delta → cumulative or cumulative →
 * delta over OTLP streams (specs/temporality.md §6). Metrics of other temporalities, gauges and
 * summaries pass through. Every dropped or reset point is counted per reason in the loss report
 * ({@code temporality-out_of_order}, ...); under {@code --strict} any drop exits 1.
 *
 * <p>{@code --order=time} (the default) reads the inputs twice: stdin is first copied to a temp
 * file, and the points are sorted with at most {@code --sort-buffer} bytes in memory, the rest in
 * sorted runs on disk.
 */
@Command(
    name = "temporality",
    description = {
      "Convert OTLP delta metrics to cumulative, or cumulative ones to delta.",
      "",
      "A stream is resource + scope + metric name, unit, type, monotonicity, temporality +"
          + " point attributes. Delta sums, histograms and exponential histograms become"
          + " cumulative (delta: monotonic cumulative sums and histograms become deltas);"
          + " everything else passes through unchanged. Gaps, overlaps, duplicates, late and"
          + " older points, NaN, resets and stale streams are handled as the --on-* flags say;"
          + " --compat=otelcol reproduces the OpenTelemetry Collector's deltatocumulative"
          + " processor, --compat=spec the data model's reference algorithm.",
      "",
      "--order=time (default) accumulates each stream in time order with two passes and an"
          + " external sort: pass 1 sorts the points, keeping at most --sort-buffer bytes in"
          + " memory and spilling sorted runs to temp files beyond that, then merges them;"
          + " pass 2 reads the inputs again and writes each point's result in place (stdin is"
          + " copied to a temp file first). --order=input is one streaming pass in arrival"
          + " order.",
      "",
      "Durations (--max-gap, --max-stale) are data time: 500ms, 30s, 5m, 1h, 1d.",
      "Dropped points are counted per reason on stderr (and in --report); --strict exits 1 if"
          + " any point was dropped.",
      "",
      "Prometheus text and OpenMetrics cannot carry delta temporality: temporality delta needs"
          + " an OTLP output format (--to otlp-jsonl, otlp-json or otlp-pb)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  promotel temporality cumulative collector-export.jsonl -o cumulative.jsonl",
      "  promotel temporality cumulative --compat=otelcol --max-streams 100000 export.pb --to om",
      "  promotel temporality cumulative --emit=last --to prom export.jsonl.zst",
      "  promotel temporality delta --initial-value=keep cumulative.jsonl --report drops.json"
    })
final class TemporalityCommand implements Callable<Integer> {
  /** The target temporality. */
  enum Target {
    CUMULATIVE,
    DELTA
  }

  /** The presets of §6.2. */
  enum Compat {
    NONE,
    OTELCOL,
    SPEC
  }

  /** Past this many streams in state, a note suggests --max-streams (temporality spec §6.4). */
  static final long MANY_STREAMS = 1_000_000;

  /** Measured per-stream state of a sum stream, for the note above. */
  static final int MANY_STREAMS_BYTES = 150;

  @ParentCommand PromotelCommand root;
  @Mixin HelpOption help;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Mixin ReportOptions report;
  @Mixin TranslationOptions translation;

  @Parameters(
      index = "0",
      paramLabel = "TARGET",
      converter = TargetConverter.class,
      completionCandidates = TargetConverter.class,
      description = "Target temporality: cumulative or delta.")
  Target target;

  @Parameters(
      index = "1..*",
      paramLabel = "INPUT",
      arity = "0..*",
      description = "Input file or - for stdin (the default); compression and format are detected.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = {"-f", "--from"},
      paramLabel = "FORMAT",
      converter = OptionTypes.FormatConverter.class,
      completionCandidates = OptionTypes.FormatConverter.class,
      description = "Input format (${COMPLETION-CANDIDATES}); detected from content when omitted.")
  Format from;

  @Option(names = "--compat", paramLabel = "PRESET", converter = CompatConverter.class,
      completionCandidates = CompatConverter.class,
      description = "Preset: otelcol (Collector: input order, gaps and overlaps accepted, NaN"
          + " sticky, first exemplars, max-stale 5m) or spec (any misalignment resets, overlaps"
          + " dropped); other flags override it.")
  Compat compat = Compat.NONE;

  @Option(names = "--order", paramLabel = "ORDER", converter = OrderConverter.class,
      completionCandidates = OrderConverter.class,
      description = "time (per stream by time; two passes, external sort) or input (arrival"
          + " order, one pass); default time.")
  Order order;

  @Option(names = "--layout", paramLabel = "LAYOUT", converter = LayoutConverter.class,
      completionCandidates = LayoutConverter.class,
      description = "preserve (each point stays in its resource, scope and metric; default) or"
          + " by-time (all points in time order).")
  Layout layout;

  @Option(names = "--emit", paramLabel = "WHICH", converter = EmitConverter.class,
      completionCandidates = EmitConverter.class,
      description = "all (default) or last (one final point per stream).")
  Emit emit;

  @Option(names = "--on-gap", paramLabel = "POLICY", converter = OnGapConverter.class,
      completionCandidates = OnGapConverter.class,
      description = "A delta starting after the previous point's time: continue (default) or"
          + " reset.")
  OnGap onGap;

  @Option(names = "--max-gap", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Reset only gaps longer than DURATION (implies --on-gap=reset).")
  Long maxGap;

  @Option(names = "--on-duplicate", paramLabel = "POLICY", converter = OnDuplicateConverter.class,
      completionCandidates = OnDuplicateConverter.class,
      description = "Same window, different value: drop (default), sum, last or error; exact"
          + " repeats are deduplicated.")
  OnDuplicate onDuplicate;

  @Option(names = "--on-overlap", paramLabel = "POLICY", converter = OnOverlapConverter.class,
      completionCandidates = OnOverlapConverter.class,
      description = "A window overlapping the previous one: drop (default), accept or error.")
  OnOverlap onOverlap;

  @Option(names = "--on-older-start", paramLabel = "POLICY",
      converter = OnOlderStartConverter.class,
      completionCandidates = OnOlderStartConverter.class,
      description = "A start before the stream's start: drop (default) or reset.")
  OnOlderStart onOlderStart;

  @Option(names = "--infer-start",
      description = "A stream whose first start is unset (0) starts at its first point's time.")
  boolean inferStart;

  @Option(names = "--on-type-change", paramLabel = "POLICY",
      converter = OnTypeChangeConverter.class,
      completionCandidates = OnTypeChangeConverter.class,
      description = "Integer ⇄ double switch in a sum: promote (to double; default), reset or"
          + " error.")
  OnTypeChange onTypeChange;

  @Option(names = "--on-nan", paramLabel = "POLICY", converter = OnNanConverter.class,
      completionCandidates = OnNanConverter.class,
      description = "A NaN or infinite delta: skip (default), propagate (sticky) or reset.")
  OnNan onNan;

  @Option(names = "--reject-negative",
      description = "Drop negative deltas of monotonic sums (default: accept and count).")
  boolean rejectNegative;

  @Option(names = "--on-bounds-change", paramLabel = "POLICY",
      converter = OnBoundsChangeConverter.class,
      completionCandidates = OnBoundsChangeConverter.class,
      description = "Histogram bucket bounds change: reset (default), drop or error.")
  OnBoundsChange onBoundsChange;

  @Option(names = "--max-buckets", paramLabel = "N", converter = OptionTypes.CountConverter.class,
      description = "Buckets per range of an accumulated exponential histogram before it is"
          + " downscaled (default: 160).")
  Integer maxBuckets;

  @Option(names = "--max-stale", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Forget a stream silent longer than DURATION of data time (default: never;"
          + " otelcol: 5m).")
  Long maxStale;

  @Option(names = "--max-streams", paramLabel = "N", converter = StreamsConverter.class,
      description = "Track at most N streams; points of further new streams are dropped"
          + " (default: unlimited).")
  Long maxStreams;

  @Option(names = "--exemplars", paramLabel = "WHICH", converter = ExemplarsConverter.class,
      completionCandidates = ExemplarsConverter.class,
      description = "Exemplars of an output point: current (the point's; default), drop, or"
          + " first (the stream's first point's, as the Collector).")
  Exemplars exemplars;

  @Option(names = "--zero-init",
      description = "Emit a zero point at start-1ns before each new stream's first point.")
  boolean zeroInit;

  @Option(names = "--flag-ends-stream",
      description = "A no-recorded-value point ends its stream (the next point starts afresh).")
  boolean flagEndsStream;

  @Option(names = "--summaries", paramLabel = "MODE", converter = SummariesConverter.class,
      completionCandidates = SummariesConverter.class,
      description = "passthrough (default) or accumulate (sum count and sum, newest quantiles).")
  Summaries summaries;

  @Option(names = "--initial-value", paramLabel = "MODE", converter = InitialValueConverter.class,
      completionCandidates = InitialValueConverter.class,
      description = "delta: a stream's first point: auto (kept when it started after the data's"
          + " first time; default), keep or drop.")
  InitialValue initialValue;

  @Option(names = "--include-nonmonotonic",
      description = "delta: convert non-monotonic cumulative sums too.")
  boolean includeNonMonotonic;

  @Option(names = "--sort-buffer", paramLabel = "SIZE", converter = OptionTypes.SizeConverter.class,
      description = "--order=time: encoded points held in memory before a sorted run is spilled"
          + " to a temp file (default: 64MiB).")
  Long sortBuffer;

  @Option(names = "--temp-dir", paramLabel = "DIR",
      description = "Directory for spilled runs and the copy of stdin (default: java.io.tmpdir).")
  Path tempDir;

  @Override
  public Integer call() throws IOException {
    GlobalSettings settings = root.settings();
    StandardStreams std = settings.std();
    Diagnostics diagnostics = new Diagnostics();
    TemporalityOptions options = options();
    List<InputSource> sources = InputSource.fromArguments(inputs, std.in());
    if (sources.isEmpty()) {
      throw new ExitException(ExitCodes.IO_ERROR, String.join(", ", inputs) + ": no files to read");
    }
    ReadOptions readOptions = limits.readOptions().withSkipInvalidPoints(true);
    DecompressionLimits decompression = limits.decompressionLimits();
    boolean twoPasses = options.order() == Order.TIME && options.layout() == Layout.PRESERVE
        && options.emit() == Emit.ALL;
    List<Path> copies = new ArrayList<>();
    List<OpenedInput> streams = new ArrayList<>();
    TemporalityReport counts = new TemporalityReport();
    Format to = output.to;
    requireDeltaTarget(to);
    try (OutputTarget out = output.open(std)) {
      List<TemporalityConverter.Source> readers = new ArrayList<>();
      Format first = null;
      for (InputSource source : sources) {
        if (source.path().isEmpty() && !twoPasses) {
          // A stream read once: open it now, detect its format from its head, read it later.
          OpenedInput opened = source.open(decompression);
          streams.add(opened);
          Format format = from != null ? from : Codecs.detect(opened, null);
          if (first == null) first = format;
          readers.add(() -> new ReadAheadReader(Codecs.reader(
              format, opened.stream(), source.name(), readOptions, diagnostics,
              Codecs.sniffedOpenMetrics(opened, from)), 4));
          continue;
        }
        InputSource readable = source.path().isEmpty()
            ? copy(source, decompression, copies) : source;
        boolean[] sniffedOm = {false};
        Format format = detect(readable, decompression, sniffedOm);
        if (first == null) first = format;
        readers.add(
            reader(readable, source.name(), format, sniffedOm[0], readOptions, decompression,
                diagnostics));
      }
      to = to != null ? to : first;
      requireDeltaTarget(to);
      MetricWriter writer = Codecs.writer(to, out.stream(), output.writeOptions(), diagnostics);
      Conversion conversion = new Conversion(to, writer,
          translation.toPrometheus(), translation.toOtlp(), diagnostics);
      try {
        Direction direction = target == Target.CUMULATIVE ? Direction.CUMULATIVE : Direction.DELTA;
        new TemporalityConverter(direction, options, counts).run(readers, conversion.sinkFor(first));
      } catch (TemporalityException e) {
        throw new ExitException(ExitCodes.INVALID_INPUT, e.getMessage());
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      // Closed only after a complete run: after an error no trailer (closing brackets, # EOF)
      // dresses a partial output up as a whole one.
      conversion.close();
      out.commit();
    } finally {
      for (OpenedInput opened : streams) opened.close();
      for (Path copy : copies) Files.deleteIfExists(copy);
    }
    counts.reportTo(diagnostics);
    if (counts.peakStreams() >= MANY_STREAMS && maxStreams == null) {
      diagnostics.note("temporality-many-streams", "streams held in state at once (about "
          + MANY_STREAMS_BYTES + " bytes each); --max-streams bounds them", counts.peakStreams());
    }
    if (settings.verbosity() > 0) {
      settings.err().println("temporality: " + counts.count(
          dev.promotel.translate.temporality.DropReason.ACCEPTED) + " points accepted, "
          + counts.streamsCreated() + " streams");
    }
    return report.finish(settings, diagnostics, "temporality", sources, to);
  }

  /**
   * Refuses {@code temporality delta} into a format without delta temporality (Prometheus text,
   * OpenMetrics): the deltas would be written as counters again, which reads as different data.
   */
  private void requireDeltaTarget(Format to) {
    if (target != Target.DELTA || to == null || to.can(Format.Capability.DELTA)) return;
    throw new ExitException(ExitCodes.USAGE, "temporality delta: " + to.id() + " output cannot"
        + " carry delta temporality; use an OTLP output format (--to otlp-jsonl, otlp-json or"
        + " otlp-pb)");
  }

  /** The options: defaults, then the preset, then every flag given. */
  TemporalityOptions options() {
    TemporalityOptions.Builder b = TemporalityOptions.builder();
    switch (compat) {
      case OTELCOL -> b.otelcol();
      case SPEC -> b.spec();
      case NONE -> { }
    }
    if (order != null) b.order(order);
    if (layout != null) b.layout(layout);
    if (emit != null) b.emit(emit);
    if (onGap != null) b.onGap(onGap);
    if (maxGap != null) b.maxGapNanos(maxGap);
    if (onDuplicate != null) b.onDuplicate(onDuplicate);
    if (onOverlap != null) b.onOverlap(onOverlap);
    if (onOlderStart != null) b.onOlderStart(onOlderStart);
    if (inferStart) b.inferStart(true);
    if (onTypeChange != null) b.onTypeChange(onTypeChange);
    if (onNan != null) b.onNan(onNan);
    if (rejectNegative) b.rejectNegative(true);
    if (onBoundsChange != null) b.onBoundsChange(onBoundsChange);
    if (maxBuckets != null) b.maxBuckets(maxBuckets);
    if (maxStale != null) b.maxStaleNanos(maxStale);
    if (maxStreams != null) b.maxStreams(maxStreams);
    if (exemplars != null) b.exemplars(exemplars);
    if (zeroInit) b.zeroInit(true);
    if (flagEndsStream) b.flagEndsStream(true);
    if (summaries != null) b.summaries(summaries);
    if (initialValue != null) b.initialValue(initialValue);
    if (includeNonMonotonic) b.includeNonMonotonic(true);
    if (sortBuffer != null) b.sortBufferBytes(Math.max(1, sortBuffer));
    if (tempDir != null) b.tempDir(tempDir);
    return b.build();
  }

  /** A stream input copied (decompressed) to a temp file, so that it can be read twice. */
  private InputSource copy(InputSource source, DecompressionLimits limits, List<Path> copies)
      throws IOException {
    Path copy = tempDir == null ? Files.createTempFile("promotel-stdin", ".bin")
        : Files.createTempFile(tempDir, "promotel-stdin", ".bin");
    copies.add(copy);
    try (OpenedInput opened = source.open(limits)) {
      Files.copy(opened.stream(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return InputSource.file(copy);
  }

  /** The input's format; {@code sniffedOm[0]} says whether its content alone made it OpenMetrics. */
  private Format detect(InputSource source, DecompressionLimits limits, boolean[] sniffedOm)
      throws IOException {
    if (from != null) return from;
    try (OpenedInput opened = source.open(limits)) {
      sniffedOm[0] = Codecs.sniffedOpenMetrics(opened, null);
      return Codecs.detect(opened, null);
    }
  }

  /**
   * A re-openable reader of {@code source}, shown as {@code name}; only the first read reports
   * into {@code diagnostics}, so pass 2 does not count the same losses again.
   */
  private static TemporalityConverter.Source reader(InputSource source, String name,
      Format format, boolean sniffed, ReadOptions options, DecompressionLimits limits,
      Diagnostics diagnostics) {
    int[] opens = {0};
    return () -> {
      OpenedInput opened = source.open(limits);
      Diagnostics into = opens[0]++ == 0 ? diagnostics : new Diagnostics();
      // Parsing runs a few families ahead on its own thread, as in convert.
      MetricReader reader = new ReadAheadReader(
          Codecs.reader(format, opened.stream(), name, options, into, sniffed), 4);
      return new MetricReader() {
        @Override
        public java.util.Optional<dev.promotel.model.MetricFamily> read() throws IOException {
          return reader.read();
        }

        @Override
        public void close() throws IOException {
          try {
            reader.close();
          } finally {
            opened.close();
          }
        }
      };
    };
  }


  // ------------------------------------------------------------------------------ option types


  static final class TargetConverter extends OptionTypes.EnumIds<Target> {
    TargetConverter() {
      super(Target.class);
    }
  }


  static final class CompatConverter extends OptionTypes.EnumIds<Compat> {
    CompatConverter() {
      super(Compat.class);
    }
  }

  static final class OrderConverter extends OptionTypes.EnumIds<Order> {
    OrderConverter() {
      super(Order.class);
    }
  }

  static final class LayoutConverter extends OptionTypes.EnumIds<Layout> {
    LayoutConverter() {
      super(Layout.class);
    }
  }

  static final class EmitConverter extends OptionTypes.EnumIds<Emit> {
    EmitConverter() {
      super(Emit.class);
    }
  }

  static final class OnGapConverter extends OptionTypes.EnumIds<OnGap> {
    OnGapConverter() {
      super(OnGap.class);
    }
  }

  static final class OnDuplicateConverter extends OptionTypes.EnumIds<OnDuplicate> {
    OnDuplicateConverter() {
      super(OnDuplicate.class);
    }
  }

  static final class OnOverlapConverter extends OptionTypes.EnumIds<OnOverlap> {
    OnOverlapConverter() {
      super(OnOverlap.class);
    }
  }

  static final class OnOlderStartConverter extends OptionTypes.EnumIds<OnOlderStart> {
    OnOlderStartConverter() {
      super(OnOlderStart.class);
    }
  }

  static final class OnTypeChangeConverter extends OptionTypes.EnumIds<OnTypeChange> {
    OnTypeChangeConverter() {
      super(OnTypeChange.class);
    }
  }

  static final class OnNanConverter extends OptionTypes.EnumIds<OnNan> {
    OnNanConverter() {
      super(OnNan.class);
    }
  }

  static final class OnBoundsChangeConverter extends OptionTypes.EnumIds<OnBoundsChange> {
    OnBoundsChangeConverter() {
      super(OnBoundsChange.class);
    }
  }

  static final class ExemplarsConverter extends OptionTypes.EnumIds<Exemplars> {
    ExemplarsConverter() {
      super(Exemplars.class);
    }
  }

  static final class SummariesConverter extends OptionTypes.EnumIds<Summaries> {
    SummariesConverter() {
      super(Summaries.class);
    }
  }

  static final class InitialValueConverter extends OptionTypes.EnumIds<InitialValue> {
    InitialValueConverter() {
      super(InitialValue.class);
    }
  }

  /** A non-negative stream count. */
  static final class StreamsConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String v) {
      try {
        long n = Long.parseLong(v.trim());
        if (n >= 0) return n;
      } catch (NumberFormatException e) {
        // Reported below.
      }
      throw new TypeConversionException("'" + v + "' is not a whole number >= 0");
    }
  }

  /** A duration of data time in nanoseconds: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
  static final class DurationConverter implements ITypeConverter<Long> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ns|us|µs|ms|s|m|h|d)");

    @Override
    public Long convert(String v) {
      Matcher m = DURATION.matcher(v.trim());
      if (!m.matches()) {
        throw new TypeConversionException("'" + v + "' is not a duration such as 500ms, 30s, 5m,"
            + " 1h or 1d");
      }
      long n = Long.parseLong(m.group(1));
      long unit = switch (m.group(2)) {
        case "ns" -> 1L;
        case "us", "µs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        default -> 86_400_000_000_000L;
      };
      try {
        return Math.multiplyExact(n, unit);
      } catch (ArithmeticException e) {
        throw new TypeConversionException("'" + v + "' is too long a duration");
      }
    }
  }
}

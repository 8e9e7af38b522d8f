package dev.promotel.format.openmetrics;

import dev.promotel.format.Diagnostics;
import dev.promotel.format.MetricParseException;
import dev.promotel.format.MetricReader;
import dev.promotel.format.ReadOptions;
import dev.promotel.format.SourcePosition;
import dev.promotel.format.internal.LineReader;
import dev.promotel.format.internal.MetricNames;
import dev.promotel.model.Attributes;
import dev.promotel.model.MetricData;
import dev.promotel.model.MetricFamily;
import dev.promotel.model.PromType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A strict, streaming reader of OpenMetrics 1.0 text
 * (https://github.com/OpenObservability/OpenMetrics/blob/main/specification/OpenMetrics.md); the
 * validator behind {@code promotel validate}: reading to the end without a {@link
 * MetricParseException} means the input conforms. It passes all 211 cases of the OpenMetrics
 * parser test suite and also accepts the Prometheus 3 quoted-name syntax ({@code
 * {"my.metric","a.b"="c"} 1}, {@code # TYPE "my.metric" gauge}).
 *
 * <p>Enforced: {@code # EOF} last (one optional newline after it); no blank lines, CR characters,
 * invalid UTF-8 or other {@code #} lines; TYPE/UNIT/HELP at most once per family and before its
 * samples; UNIT a suffix of the name and absent on info/stateset; families contiguous, never
 * repeated and without clashing sample names; per-type suffixes and values (counters, histogram
 * buckets, counts and sums, info, stateset, summary quantiles); exemplars only on counter totals
 * and buckets, at most 128 code points of labels, within their bucket; MetricPoints of a series
 * contiguous, with timestamps all present or all absent and never going backwards.
 *
 * <p>Mapping (see the family types in {@link dev.promotel.model}): {@code # TYPE foo counter} with
 * {@code foo_total 1} becomes a monotonic cumulative Sum named {@code foo_total} with {@code
 * PromMetadata(COUNTER, "foo")}; {@code foo_created} becomes the start time. Timestamps the model
 * cannot hold (before 1970, after 2262) are dropped and counted in the {@link Diagnostics}.
 *
 * <p>A family with more than {@link ReadOptions#maxPointsPerChunk()} points is returned as several
 * chunks with the same name and metadata; a series is never split. Beyond the current chunk, the
 * reader remembers the series of the current family as 64-bit hashes ({@code SeriesSet}, 11 to 23
 * bytes a series), so a family of a million series needs about 16 MB more, not a label set each.
 */
public final class OpenMetricsReader implements MetricReader {
  private final InputStream in;
  private final String source;
  private final ReadOptions options;
  private final LineReader lines;
  private final LineLexer lexer;
  private final Times times;
  private final FamilyNames names = new FamilyNames();

  private MetricFamily ready;
  private boolean finished;

  // The current family.
  private String family;
  private PromType declaredType;
  private String help;
  private String unit;
  private boolean metadataClosed;
  private long familyLine;
  private String familyLineText;
  private PointAssembler assembler;
  private boolean emittedChunk;

  // The current series (group) and MetricPoint.
  private Attributes group;
  private Seconds groupTimestamp;
  private boolean groupHasTimestamp;
  private long pointLine;
  // Lines of the points of the chunk being assembled, and of the family last returned (for lint).
  private long[] pointLines = new long[64];
  private int pointLineCount;
  private long readyStart;
  private long[] readyLines;
  private long lastStart;
  private long[] lastLines = new long[0];
  private final SeriesSet seenGroups = new SeriesSet();

  /** A reader whose dropped timestamps are not reported anywhere. */
  public OpenMetricsReader(InputStream in, String sourceName, ReadOptions options) {
    this(in, sourceName, options, new Diagnostics());
  }

  /** A reader that counts what the model cannot hold (timestamps out of range) in diagnostics. */
  public OpenMetricsReader(
      InputStream in, String sourceName, ReadOptions options, Diagnostics diagnostics) {
    this.in = in;
    this.source = sourceName;
    this.options = options;
    this.lines = new LineReader(in, sourceName, options.maxLineBytes());
    this.lexer = new LineLexer(lines, options);
    this.times = new Times(diagnostics);
  }

  @Override
  public Optional<MetricFamily> read() throws IOException {
    while (ready == null && !finished) {
      if (!lines.next()) {
        long line = lines.lineNumber() + (lines.lineNumber() == 0 || lines.endedWithNewline() ? 1 : 0);
        throw new MetricParseException(SourcePosition.text(source, line, 1),
            "expected '# EOF' as the last line, got end of input");
      }
      processLine();
    }
    MetricFamily out = ready;
    ready = null;
    if (out != null) {
      lastStart = readyStart;
      lastLines = readyLines;
    }
    return Optional.ofNullable(out);
  }

  @Override
  public long familyLine() {
    return lastStart;
  }

  @Override
  public long pointLine(int index) {
    return index >= 0 && index < lastLines.length ? lastLines[index] : 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  // ---------------------------------------------------------------- lines

  private void processLine() throws IOException {
    byte[] b = lines.buffer();
    int start = lines.start();
    int end = lines.end();
    if (!isAscii(b, start, end) && !MetricNames.isValidUtf8(b, start, end)) {
      throw lines.error(firstInvalidUtf8(b, start, end) - start,
          "expected valid UTF-8, got an invalid byte sequence");
    }
    if (start == end) {
      throw lines.error(0, "expected a sample or a '# TYPE', '# HELP', '# UNIT' or '# EOF' line, "
          + "got a blank line (OpenMetrics forbids blank lines)");
    }
    if (b[end - 1] == '\r') {
      throw lines.error(end - 1 - start, "expected the line to end with '\\n' only, got '\\r' "
          + "before it (OpenMetrics forbids carriage returns in line endings)");
    }
    if (lines.lineNumber() == 1 && end - start >= 3 && (b[start] & 0xFF) == 0xEF
        && (b[start + 1] & 0xFF) == 0xBB && (b[start + 2] & 0xFF) == 0xBF) {
      throw lines.error(0, "expected no byte order mark (OpenMetrics forbids BOMs), got U+FEFF");
    }
    lexer.reset();
    if (b[start] == '#') {
      lexer.lexMetadata();
      metadata();
    } else {
      lexer.lexSample();
      sample();
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Whether no byte has its top bit set (so the line is valid UTF-8), eight bytes at a time. */
  static boolean isAscii(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      if (((long) LONGS.get(b, i) & 0x8080808080808080L) != 0) return false;
    }
    for (; i < to; i++) {
      if (b[i] < 0) return false;
    }
    return true;
  }

  private static int firstInvalidUtf8(byte[] b, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!MetricNames.isValidUtf8(b, start, i + 1)) {
        // The sequence starting at or before i is broken; report its lead byte.
        int lead = i;
        while (lead > start && (b[lead] & 0xC0) == 0x80 && i - lead < 3) lead--;
        return MetricNames.isValidUtf8(b, start, lead) ? lead : i;
      }
    }
    return start;
  }

  private void metadata() throws IOException {
    if (lexer.metadataKind == LineLexer.MetadataKind.EOF) {
      endFamily();
      finished = true;
      if (lines.next()) {
        throw lines.error(0, "expected end of input after '# EOF', got "
            + (lines.length() == 0 ? "a blank line" : "more text"));
      }
      return;
    }
    String name = lexer.name;
    if (!name.equals(family)) {
      endFamily();
      startFamily(name);
    } else if (metadataClosed) {
      throw lexer.errorInLine(0, "expected " + keyword() + " lines of '" + name
          + "' before its samples, got one after them");
    }
    switch (lexer.metadataKind) {
      case TYPE -> {
        if (declaredType != null) throw repeated();
        PromType type = FamilyNames.parseType(lexer.metadataText);
        if (type == null) {
          throw lexer.errorInLine(lexer.relative(lexer.metadataTextOffset), "expected a type "
              + "(counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown), "
              + "got '" + lexer.metadataText + "'");
        }
        declaredType = type;
        checkUnitAllowed(lexer.relative(lexer.metadataTextOffset));
      }
      case HELP -> {
        if (help != null) throw repeated();
        help = lexer.metadataText;
      }
      case UNIT -> {
        if (unit != null) throw repeated();
        unit = lexer.metadataText;
        int at = lexer.relative(lexer.metadataTextOffset);
        if (!unit.isEmpty() && !name.endsWith("_" + unit)) {
          throw lexer.errorInLine(at, "expected the unit to be a suffix of the family name "
              + "(like '# UNIT foo_seconds seconds'), got unit '" + unit + "' for '" + name + "'");
        }
        checkUnitAllowed(at);
      }
      default -> throw new AssertionError(lexer.metadataKind);
    }
  }

  private String keyword() {
    return "'# " + lexer.metadataKind.name() + "'";
  }

  private MetricParseException repeated() {
    return lexer.errorInLine(0, "expected at most one " + keyword() + " line per family, got a "
        + "second one for '" + family + "'");
  }

  private void checkUnitAllowed(int at) throws MetricParseException {
    if (unit != null && !unit.isEmpty()
        && (declaredType == PromType.INFO || declaredType == PromType.STATESET)) {
      throw lexer.errorInLine(at, "expected no unit on " + declaredType.openMetricsName()
          + " '" + family + "' (info and stateset families have none), got '" + unit + "'");
    }
  }

  private void sample() throws IOException {
    String name = lexer.name;
    String suffix = family == null ? null : suffixOf(name);
    if (suffix == null) {
      endFamily();
      startFamily(name);
      suffix = "";
    }
    if (!metadataClosed) closeMetadata(true);
    try {
      assembler.check(suffix, lexer);
    } catch (InvalidValueException e) {
      // Checked before the sample changed anything: a lenient read (lint) can skip just this line.
      if (options.valueProblems() == null) throw e;
      options.valueProblems().problem(family, e);
      return;
    }
    String pointLabel = assembler.pointLabel(suffix);
    Seconds ts = lexer.timestamp;
    if (group != null && lexer.labels.sameAs(group, pointLabel)) {
      if ((ts != null) != groupHasTimestamp) {
        throw lexer.errorInLine(ts != null ? lexer.relative(lexer.timestampOffset)
            : lexer.relative(lexer.valueTo), groupHasTimestamp
            ? "expected a timestamp, as the earlier samples of this series have, got none"
            : "expected no timestamp, as the earlier samples of this series have none, got one");
      }
      if (ts != null && ts.compareTo(groupTimestamp) < 0) {
        throw lexer.errorInLine(lexer.relative(lexer.timestampOffset), "expected timestamps that "
            + "never go backwards within a series, got " + ts + " after " + groupTimestamp
            + " (seconds)");
      }
      boolean newTime = ts != null && ts.compareTo(groupTimestamp) != 0;
      if (newTime || assembler.repeats(suffix, lexer)) {
        finishPoint();
        startPoint(ts);
      }
    } else {
      if (group != null) {
        finishPoint();
        if (assembler.buffered() >= options.maxPointsPerChunk()) emit(/* last= */ false);
      }
      Attributes g = lexer.labels.toAttributes(pointLabel);
      if (!seenGroups.add(g)) {
        throw lexer.errorInLine(0, "expected the MetricPoints of series " + g + " of '" + family
            + "' to be contiguous, got this series again after another one");
      }
      group = g;
      groupHasTimestamp = ts != null;
      startPoint(ts);
    }
    groupTimestamp = ts;
    assembler.add(suffix, lexer);
  }

  /** The suffix {@code name} has as a sample of the current family, or null if it is not one. */
  private String suffixOf(String name) {
    // The lexer hands out one String per distinct name, so consecutive samples usually hit this.
    if (name == lastSampleName && family == lastSampleFamily && declaredType == lastSampleType) {
      return lastSuffix;
    }
    lastSampleName = name;
    lastSampleFamily = family;
    lastSampleType = declaredType;
    lastSuffix = computeSuffixOf(name);
    return lastSuffix;
  }

  private String lastSampleName;
  private String lastSampleFamily;
  private PromType lastSampleType;
  private String lastSuffix;

  private String computeSuffixOf(String name) {
    if (!name.startsWith(family)) return null;
    PromType type = declaredType == null ? PromType.UNKNOWN : declaredType;
    for (String s : FamilyNames.sampleSuffixes(type)) {
      if (name.length() == family.length() + s.length() && name.endsWith(s)) return s;
    }
    return null;
  }

  private void startPoint(Seconds ts) {
    pointLine = lines.lineNumber();
    if (pointLineCount == pointLines.length) pointLines = java.util.Arrays.copyOf(pointLines, pointLineCount * 2);
    pointLines[pointLineCount++] = pointLine;
    long time = ts == null ? 0 : times.toUnixNano(ts, "sample");
    assembler.startPoint(group, time);
  }

  private void finishPoint() throws MetricParseException {
    try {
      assembler.finishPoint();
    } catch (PointAssembler.PointException e) {
      throw new MetricParseException(SourcePosition.text(source, pointLine, 1), e.getMessage());
    }
  }

  // ---------------------------------------------------------------- families

  private void startFamily(String name) {
    family = name;
    declaredType = null;
    help = null;
    unit = null;
    metadataClosed = false;
    familyLine = lines.lineNumber();
    familyLineText = lines.lineAsString();
    assembler = null;
    emittedChunk = false;
    group = null;
    seenGroups.clear();
  }

  /** Fixes the type once the first sample arrives (or the family ends) and checks name clashes. */
  private void closeMetadata(boolean atSample) throws MetricParseException {
    metadataClosed = true;
    PromType type = declaredType == null ? PromType.UNKNOWN : declaredType;
    String clash = names.clash(family, type);
    if (clash != null) {
      long firstLine = names.takenAt(clash);
      String reason = names.seenFamily(family)
          ? "expected each family once, contiguous, got '" + family + "' again (first at line "
              + firstLine + ")"
          : "expected family names whose samples cannot clash, got " + type.openMetricsName()
              + " '" + family + "', whose sample name '" + clash + "' is taken by the family at "
              + "line " + firstLine;
      if (atSample) throw lexer.errorInLine(0, reason);
      throw new MetricParseException(SourcePosition.text(source, familyLine, 1), reason,
          familyLineText);
    }
    names.register(family, type, familyLine);
    assembler = PointAssembler.of(family, type, times);
  }

  private void endFamily() throws MetricParseException {
    if (family == null) return;
    if (!metadataClosed) closeMetadata(false);
    if (group != null) finishPoint();
    emit(/* last= */ true);
    family = null;
    group = null;
  }

  private void emit(boolean last) {
    if (last && emittedChunk && assembler.buffered() == 0) return;
    MetricData data = assembler.drain();
    PromType type = assembler.type;
    String modelName = switch (type) {
      case COUNTER -> family + "_total";
      case INFO -> family + "_info";
      default -> family;
    };
    readyLines = java.util.Arrays.copyOf(pointLines, pointLineCount);
    readyStart = emittedChunk ? (pointLineCount > 0 ? pointLines[0] : familyLine) : familyLine;
    pointLineCount = 0;
    ready = MetricFamily.ofProm(modelName, help == null ? "" : help, unit == null ? "" : unit,
        data, type, family);
    emittedChunk = true;
  }
}

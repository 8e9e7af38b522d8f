package dev.promotel.format.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.format.internal.FloatFormat;
import dev.promotel.format.internal.TextEscaping;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineSinkTest {

  private static String goSpelling(double v) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LineSink sink = new LineSink(out);
    sink.writeGoDouble(v);
    sink.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Property(tries = 5000)
  void printsExactlyWhatFormatGoPrintsForAnyBitPattern(@ForAll("anyBits") double v)
      throws IOException {
    assertThat(goSpelling(v)).isEqualTo(FloatFormat.formatGo(v));
  }

  @Property(tries = 5000)
  void printsExactlyWhatFormatGoPrintsForShortDecimals(@ForAll("shortDecimals") double v)
      throws IOException {
    assertThat(goSpelling(v)).isEqualTo(FloatFormat.formatGo(v));
  }

  @Property(tries = 5000)
  void printsExactlyWhatFormatGoPrintsForNeighboursOfShortDecimals(
      @ForAll("shortDecimals") double v, @ForAll boolean up) throws IOException {
    double neighbour = up ? Math.nextUp(v) : Math.nextDown(v);
    assertThat(goSpelling(neighbour)).isEqualTo(FloatFormat.formatGo(neighbour));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, 1, -1, 100000, 1e6, 1234567, 123456.7, 1e-5, 0.0001, 0.005,
      1.1e23, 1e21, 9.999999999999999e22, 5e-324, 2.2250738585072014E-308, 1.7976931348623157e308,
      0.1, 0.3, 2.82879384806159E17, 1e15, 999999999999999.0, 1.5e-7, -3.25e100, 18.735619488,
      2.3811e-5, 0.614829317, 1e-7, 9.99999999999e11, 0.30000000000000004, 123456.789012345})
  void printsExactlyWhatFormatGoPrintsForKnownEdges(double v) throws IOException {
    assertThat(goSpelling(v)).isEqualTo(FloatFormat.formatGo(v));
  }

  @Property(tries = 2000)
  void encodesAnyCharsAsOutputStreamWriterDoesSplitAtAnyPoint(
      @ForAll("anyChars") String text, @ForAll("cuts") int cut) throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (OutputStreamWriter w = new OutputStreamWriter(expected, StandardCharsets.UTF_8)) {
      w.write(text);
    }
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    try (LineSink sink = new LineSink(actual)) {
      int at = Math.min(cut, text.length());
      sink.write(text, 0, at);
      for (char c : text.substring(at, Math.min(text.length(), at + 3)).toCharArray()) {
        sink.write(c);
      }
      sink.write(text.toCharArray(), Math.min(text.length(), at + 3),
          Math.max(0, text.length() - at - 3));
    }
    assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Property(tries = 2000)
  void escapesLabelValuesAsTextEscapingDoesThenEncodes(@ForAll("anyChars") String text)
      throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (OutputStreamWriter w = new OutputStreamWriter(expected, StandardCharsets.UTF_8)) {
      w.write('<');
      TextEscaping.writeLabelValue(w, text);
      w.write('>');
    }
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    try (LineSink sink = new LineSink(actual)) {
      sink.write('<');
      sink.writeLabelValue(text);
      sink.write('>');
    }
    assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Property(tries = 200)
  void encodesTextLongerThanTheBufferWhole(@ForAll("longAscii") String text) throws IOException {
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    try (LineSink sink = new LineSink(actual)) {
      sink.write("é");
      sink.write(text);
      sink.writeBytes(text.getBytes(StandardCharsets.UTF_8), 0, text.length());
    }
    assertThat(actual.toString(StandardCharsets.UTF_8)).isEqualTo("é" + text + text);
  }

  @Provide
  Arbitrary<String> anyChars() {
    // Mostly ASCII, with two-byte, three-byte, paired and lone surrogate chars among it.
    return Arbitraries.strings().withChars('a', 'z').withChars('"', '\\', '\n')
        .withChars('é', 'ÿ', 'ā', '€', '\uFFFF').withCharRange('\uD800', '\uDFFF')
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 40);
  }

  @Provide
  Arbitrary<String> longAscii() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(60_000).ofMaxLength(200_000);
  }

  @Provide
  Arbitrary<Double> anyBits() {
    return Arbitraries.longs().map(Double::longBitsToDouble);
  }

  @Provide
  Arbitrary<Double> shortDecimals() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.longs().between(-999_999_999_999L, 999_999_999_999L),
            Arbitraries.integers().between(-40, 40))
        .as((m, e) -> Double.parseDouble(m + "e" + e));
  }
}

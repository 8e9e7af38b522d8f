package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass encoder writes what protobuf-java writes: the wire primitives, strings in any
 * script (unpaired surrogates included), and length prefixes that grow past one byte after the
 * message was opened.
 */
class ProtoEncoderTest {
  private static final OtlpField OUTER = OtlpField.delimited(3, "outer");
  private static final OtlpField INNER = OtlpField.delimited(1, "inner");
  private static final OtlpField TEXT = OtlpField.delimited(20, "text");
  private static final OtlpField NUMBER = OtlpField.varint(2, "number");
  private static final OtlpField FIXED = OtlpField.fixed64(2, "fixed");

  @Property(tries = 500)
  void stringsAreEncodedAsProtobufJavaEncodesThem(@ForAll("anyText") String text)
      throws IOException {
    ProtoEncoder encoder = new ProtoEncoder(1, null);
    encoder.writeString(TEXT, text);

    assertThat(bytes(encoder)).isEqualTo(expected(out -> out.writeString(20, text)));
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(300),
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.of("naïve", "Grüße €", "日本語", "\uD83D\uDE00 ok", "lone \uD800 high",
            "lone \uDC00 low", "end \uD83D"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 124, 125, 126, 127, 128, 16_380, 16_381, 16_384, 2_097_150, 2_097_152})
  void aMessageLongerThanItsReservedLengthByteMovesItsBody(int payload) throws IOException {
    byte[] data = new byte[payload];
    for (int i = 0; i < payload; i++) data[i] = (byte) i;
    ProtoEncoder encoder = new ProtoEncoder(16, null);
    encoder.writeUint32(NUMBER, 7);
    encoder.startMessage(OUTER);
    encoder.startMessage(INNER);
    encoder.writeBytes(TEXT, data);
    encoder.endMessage();
    encoder.writeUint32(NUMBER, 9);
    encoder.endMessage();

    byte[] inner = expected(out -> out.writeByteArray(20, data));
    byte[] outer = expected(out -> {
      out.writeByteArray(1, inner);
      out.writeUInt32(2, 9);
    });
    assertThat(bytes(encoder)).isEqualTo(expected(out -> {
      out.writeUInt32(2, 7);
      out.writeByteArray(3, outer);
    }));
  }

  @Test
  void varintsOfEveryWidthAndSignMatch() throws IOException {
    int[] ints = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
    long[] longs = {0, 1, 1L << 35, Long.MAX_VALUE, -1, Long.MIN_VALUE};
    ProtoEncoder encoder = new ProtoEncoder(1, null);
    for (int v : ints) {
      encoder.writeUint32(NUMBER, v);
      encoder.writeSint32(NUMBER, v);
      encoder.writeEnum(NUMBER, v);
    }
    for (long v : longs) {
      encoder.writeInt64(NUMBER, v);
      encoder.writeFixed64(FIXED, v);
      encoder.writeDouble(FIXED, Double.longBitsToDouble(v));
    }
    encoder.writePackedUint64(TEXT, longs);

    assertThat(bytes(encoder)).isEqualTo(expected(out -> {
      for (int v : ints) {
        out.writeUInt32(2, v);
        out.writeSInt32(2, v);
        out.writeEnum(2, v);
      }
      for (long v : longs) {
        out.writeInt64(2, v);
        out.writeFixed64(2, v);
        out.writeDouble(2, Double.longBitsToDouble(v));
      }
      int size = 0;
      for (long v : longs) size += CodedOutputStream.computeUInt64SizeNoTag(v);
      out.writeTag(20, 2);
      out.writeUInt32NoTag(size);
      for (long v : longs) out.writeUInt64NoTag(v);
    }));
  }

  @Test
  void aTaglessLengthPrefixesAVarintDelimitedFrame() throws IOException {
    ProtoEncoder encoder = new ProtoEncoder(1, null);
    encoder.startLength();
    encoder.writeString(TEXT, "x".repeat(200));
    encoder.endLength();

    byte[] body = expected(out -> out.writeString(20, "x".repeat(200)));
    assertThat(bytes(encoder)).isEqualTo(expected(out -> {
      out.writeUInt32NoTag(body.length);
      out.writeRawBytes(body);
    }));
  }

  private static byte[] bytes(ProtoEncoder encoder) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encoder.drainTo(out);
    return out.toByteArray();
  }

  private interface Writes {
    void to(CodedOutputStream out) throws IOException;
  }

  private static byte[] expected(Writes writes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    writes.to(out);
    out.flush();
    return bytes.toByteArray();
  }
}

package dev.promotel.cli;

import dev.promotel.format.Format;
import dev.promotel.format.NameEscaping;
import dev.promotel.format.ProtoFraming;
import dev.promotel.io.Compression;
import dev.promotel.io.DecompressionLimits;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters and completion candidates for the option types that have their own spelling: format
 * ids with aliases ({@code prom}, {@code prometheus}), escaping ids ({@code allow-utf-8}), {@code
 * --compress} values, and the limits' sizes ({@code 16MiB}), counts and ratios. A bad value is a
 * usage error (exit 2) whose message lists the choices or shows the expected spelling.
 */
final class OptionTypes {
  private OptionTypes() {}

  /**
   * The ids of a type with its own {@code fromId} spelling: parses with it (its message, which
   * lists the choices, becomes the usage error) and serves the same ids as completion candidates,
   * so help, completion and parsing cannot disagree.
   */
  abstract static class Ids<E> implements ITypeConverter<E>, Iterable<String> {
    private final Function<String, E> fromId;
    private final Supplier<List<String>> ids;

    Ids(Function<String, E> fromId, Supplier<List<String>> ids) {
      this.fromId = fromId;
      this.ids = ids;
    }

    @Override
    public E convert(String value) {
      try {
        return fromId.apply(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }

    @Override
    public Iterator<String> iterator() {
      return ids.get().iterator();
    }

    static <T> List<String> idsOf(T[] values, Function<T, String> id) {
      List<String> out = new ArrayList<>();
      for (T v : values) out.add(id.apply(v));
      return out;
    }
  }

  /** Format ids, then aliases. */
  static final class FormatConverter extends Ids<Format> {
    FormatConverter() {
      super(Format::fromId, () -> {
        List<String> ids = idsOf(Format.values(), Format::id);
        for (Format f : Format.values()) ids.addAll(f.aliases());
        return ids;
      });
    }
  }

  /** {@code --escaping} values ({@code allow-utf-8}, ...). */
  static final class EscapingConverter extends Ids<NameEscaping> {
    EscapingConverter() {
      super(NameEscaping::fromId, () -> idsOf(NameEscaping.values(), NameEscaping::id));
    }
  }

  /** {@code --framing} values: {@code none}, {@code u32be}, {@code varint}. */
  static final class FramingConverter extends Ids<ProtoFraming> {
    FramingConverter() {
      super(ProtoFraming::fromId, () -> idsOf(ProtoFraming.values(), ProtoFraming::id));
    }
  }

  /** {@code --compress} values: every compression id ({@code none}, {@code gzip}, ...). */
  static final class CompressionConverter extends Ids<Compression> {
    CompressionConverter() {
      super(Compression::fromId, () -> idsOf(Compression.values(), Compression::id));
    }
  }

  /**
   * A byte size for a reader limit ({@code 1MiB}, {@code 64k}, {@code 4096}): held in an array by
   * the reader, so at most {@value #MAX_BUFFER_SIZE} bytes; {@code unlimited} is refused.
   */
  static class BufferSizeConverter implements ITypeConverter<Integer> {
    private final long min;

    BufferSizeConverter() {
      this(1);
    }

    BufferSizeConverter(long min) {
      this.min = min;
    }

    @Override
    public Integer convert(String value) {
      long bytes = size(value);
      if (bytes > MAX_BUFFER_SIZE) {
        throw new TypeConversionException("'" + value + "' is too large; at most 1GiB");
      }
      if (bytes < min) {
        throw new TypeConversionException("'" + value + "' is too small; at least " + min);
      }
      return (int) bytes;
    }
  }

  /** {@code --max-line-bytes}: a line must at least hold a HELP or TYPE line's start. */
  static final class LineSizeConverter extends BufferSizeConverter {
    LineSizeConverter() {
      super(64);
    }
  }

  /** A size or {@code unlimited} ({@link DecompressionLimits#UNLIMITED}). */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return size(value);
    }
  }

  /** A positive count ({@code --max-labels}). */
  static final class CountConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.trim());
        if (n > 0) return n;
      } catch (NumberFormatException e) {
        // Reported below with the same message as a non-positive number.
      }
      throw new TypeConversionException("'" + value + "' is not a positive whole number");
    }
  }

  /** A positive ratio ({@code 200}, {@code 12.5}) or {@code unlimited} (infinity). */
  static final class RatioConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String s = value.trim();
      if (s.equalsIgnoreCase("unlimited")) return Double.POSITIVE_INFINITY;
      try {
        double ratio = Double.parseDouble(s);
        if (ratio > 0 && Double.isFinite(ratio)) return ratio;
      } catch (NumberFormatException e) {
        // Reported below.
      }
      throw new TypeConversionException(
          "'" + value + "' is not a positive number (e.g. 200) nor 'unlimited'");
    }
  }

  /** Reader buffers are Java arrays; 1 GiB keeps them well clear of the array size limit. */
  static final int MAX_BUFFER_SIZE = 1 << 30;

  private static long size(String value) {
    try {
      return DecompressionLimits.parseSize(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /**
   * The ids of an enum: its constants in lower case with {@code -} for {@code _} ({@code BY_TIME}
   * is {@code by-time}), parsed case-insensitively. A constant named {@code NONE} stands for "not
   * given" and is not offered. Each subclass serves as both the option's converter and its
   * completion candidates, so help, completion and parsing list the same ids.
   */
  abstract static class EnumIds<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    private final Class<E> type;

    EnumIds(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(wanted) && !e.name().equals("NONE")) return e;
      }
      throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", this));
    }

    @Override
    public Iterator<String> iterator() {
      List<String> ids = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        if (!e.name().equals("NONE")) ids.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      return ids.iterator();
    }
  }
}

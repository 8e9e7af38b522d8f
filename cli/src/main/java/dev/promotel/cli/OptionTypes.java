package dev.promotel.cli;

import dev.promotel.format.Format;
import dev.promotel.format.NameEscaping;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters and completion candidates for the option types that have their own spelling: format
 * ids with aliases ({@code prom}, {@code prometheus}), escaping ids ({@code allow-utf-8}) and
 * {@code --compress} values. A bad value is a usage error (exit 2) whose message lists the choices.
 */
final class OptionTypes {
  private OptionTypes() {}

  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Format ids, then aliases, as completion candidates. */
  static final class FormatIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> ids = new ArrayList<>();
      for (Format f : Format.values()) ids.add(f.id());
      for (Format f : Format.values()) ids.addAll(f.aliases());
      return ids.iterator();
    }
  }

  static final class EscapingConverter implements ITypeConverter<NameEscaping> {
    @Override
    public NameEscaping convert(String value) {
      try {
        return NameEscaping.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class EscapingIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> ids = new ArrayList<>();
      for (NameEscaping e : NameEscaping.values()) ids.add(e.id());
      return ids.iterator();
    }
  }

  static final class CompressionIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> ids = new ArrayList<>();
      for (Compression c : Compression.values()) ids.add(c.id());
      return ids.iterator();
    }
  }

  static final class CompressionConverter implements ITypeConverter<Compression> {
    @Override
    public Compression convert(String value) {
      for (Compression c : Compression.values()) {
        if (c.id().equalsIgnoreCase(value)) return c;
      }
      throw new TypeConversionException(
          "unknown compression '" + value + "'; expected none, gzip or zstd");
    }
  }
}

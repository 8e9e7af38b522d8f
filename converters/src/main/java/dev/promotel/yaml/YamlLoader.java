package dev.promotel.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.promotel.format.SourcePosition;
import dev.promotel.format.internal.JacksonErrors;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Loads YAML documents into {@link YamlNode} trees with positions. Aliases resolve to the anchored
 * node (shared, not copied) and merge keys ({@code <<: *base}) are applied, as Go's yaml.v2/v3
 * do for the Prometheus, Promtail and Collector files we read.
 *
 * <p>Limits for hostile input: a document of at most {@value #MAX_DOCUMENT_CHARS} characters,
 * nesting at most {@value #MAX_DEPTH} deep, and at most {@value #MAX_EXPANDED_NODES} nodes once
 * aliases are expanded, so a "billion laughs" document fails at the alias that crosses the limit
 * instead of making every later walk over the tree explode.
 *
 * <p>Example: {@code YamlLoader.load(Path.of("relabel.yml")).asSequence()}.
 */
public final class YamlLoader {
  static final int MAX_DOCUMENT_CHARS = 16 << 20;
  static final int MAX_DEPTH = 100;
  static final long MAX_EXPANDED_NODES = 1_000_000;
  private static final String MERGE_KEY = "<<";

  private static final YAMLFactory FACTORY = newFactory();

  private final YamlSource source;
  private final YAMLParser parser;
  /** Anchor name → node and its expanded size; a later anchor of the same name wins, as in YAML. */
  private final Map<String, Built> anchors = new HashMap<>();

  /** A built node and how many nodes it stands for once its aliases are expanded. */
  private record Built(YamlNode node, long expandedSize) {}

  private YamlLoader(YamlSource source, YAMLParser parser) {
    this.source = source;
    this.parser = parser;
  }

  /** Every document of the file (an empty file has none). */
  public static List<YamlNode> loadAll(Path file) throws IOException {
    return loadAll(file.toString(), readFile(file));
  }

  public static List<YamlNode> loadAll(String sourceName, Reader reader) throws IOException {
    return loadAll(sourceName, readCapped(sourceName, reader));
  }

  public static List<YamlNode> loadAll(String sourceName, String text) throws IOException {
    YamlSource source = new YamlSource(sourceName, text);
    if (text.length() > MAX_DOCUMENT_CHARS) {
      throw source.error(source.position(1, 1), tooLarge());
    }
    try (YAMLParser parser = FACTORY.createParser(new StringReader(text))) {
      YamlLoader loader = new YamlLoader(source, parser);
      List<YamlNode> documents = new ArrayList<>();
      try {
        while (parser.nextToken() != null) documents.add(loader.build(0).node());
      } catch (JacksonException e) {
        throw loader.syntaxError(e);
      }
      return documents;
    }
  }

  /** The file's single document; an empty file is an empty mapping at 1:1. */
  public static YamlNode load(Path file) throws IOException {
    return load(file.toString(), readFile(file));
  }

  public static YamlNode load(String sourceName, Reader reader) throws IOException {
    return load(sourceName, readCapped(sourceName, reader));
  }

  public static YamlNode load(String sourceName, String text) throws IOException {
    List<YamlNode> documents = loadAll(sourceName, text);
    if (documents.size() > 1) {
      throw documents.get(1).error("expected one YAML document, found " + documents.size());
    }
    if (!documents.isEmpty()) return documents.get(0);
    YamlSource source = new YamlSource(sourceName, text);
    return new YamlMapping(List.of(), source.position(1, 1), source);
  }

  /** Builds the node whose first token is current; leaves its last token current. */
  private Built build(int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw source.error(position(), "YAML nested deeper than " + MAX_DEPTH + " levels");
    }
    SourcePosition at = position();
    if (parser.isCurrentAlias()) return alias(at);
    String anchor = parser.getCurrentAnchor();
    JsonToken token = parser.currentToken();
    Built built = switch (token) {
      case START_OBJECT -> mapping(at, depth);
      case START_ARRAY -> sequence(at, depth);
      default -> scalar(at, token);
    };
    if (anchor != null) anchors.put(anchor, built);
    return built;
  }

  /** Plain {@code ~}, {@code null} and an empty plain scalar are null; quoted ones never are. */
  private Built scalar(SourcePosition at, JsonToken token) throws IOException {
    boolean quoted = quotedAt(at);
    String text = token == JsonToken.VALUE_NULL && !quoted ? "" : parser.getText();
    boolean isNull = !quoted && (token == JsonToken.VALUE_NULL || text.isEmpty());
    return new Built(new YamlScalar(text, quoted, isNull, at, source), 1);
  }

  private Built alias(SourcePosition at) throws IOException {
    String name = parser.getText();
    Built target = anchors.get(name);
    if (target == null) throw source.error(at, "unknown alias *" + name);
    return target;
  }

  private Built sequence(SourcePosition at, int depth) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    long size = 1;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      SourcePosition itemAt = position();
      Built item = build(depth + 1);
      size = addChecked(size, item, itemAt);
      items.add(item.node());
    }
    return new Built(new YamlSequence(items, at, source), size);
  }

  private Built mapping(SourcePosition at, int depth) throws IOException {
    List<YamlMapping.Entry> entries = new ArrayList<>();
    List<YamlNode> merges = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long size = 1;
    while (parser.nextToken() != JsonToken.END_OBJECT) {
      SourcePosition keyAt = position();
      String name = parser.currentName();
      boolean quoted = quotedAt(keyAt);
      parser.nextToken();
      Built value = build(depth + 1);
      size = addChecked(size, value, keyAt);
      if (!quoted && name.equals(MERGE_KEY)) {
        merges.add(value.node());
        continue;
      }
      if (!seen.add(name)) throw source.error(keyAt, "duplicate key \"" + name + "\"");
      entries.add(new YamlMapping.Entry(new YamlScalar(name, quoted, false, keyAt, source), value.node()));
    }
    for (YamlNode merge : merges) mergeInto(entries, seen, merge);
    return new Built(new YamlMapping(entries, at, source), size);
  }

  /** Merge keys add the keys the mapping does not set itself; earlier merged mappings win. */
  private static void mergeInto(List<YamlMapping.Entry> entries, Set<String> seen, YamlNode merge)
      throws ConfigException {
    List<YamlNode> sources = merge instanceof YamlSequence s ? s.items() : List.of(merge);
    for (YamlNode node : sources) {
      if (!(node instanceof YamlMapping m)) {
        throw node.error("a merge key (<<) takes a mapping or a sequence of mappings, got " + node.kind());
      }
      for (YamlMapping.Entry e : m.entries()) {
        if (seen.add(e.key().text())) entries.add(e);
      }
    }
  }

  private long addChecked(long size, Built child, SourcePosition at) throws ConfigException {
    long total = size + child.expandedSize();
    if (total > MAX_EXPANDED_NODES) {
      throw source.error(at, "YAML expands to more than " + MAX_EXPANDED_NODES
          + " nodes through aliases; refusing it (an alias bomb?)");
    }
    return total;
  }

  private SourcePosition position() {
    JsonLocation l = parser.currentTokenLocation();
    return source.position(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  /** The event stream does not say how a scalar was written; its first character does. */
  private boolean quotedAt(SourcePosition at) {
    String line = source.line(at.line());
    int cps = line.codePointCount(0, line.length());
    if (at.column() > cps) return false;
    int index = line.offsetByCodePoints(0, (int) at.column() - 1);
    char c = line.charAt(index);
    return c == '"' || c == '\'';
  }

  private ConfigException syntaxError(JacksonException e) {
    JsonLocation l = e.getLocation();
    SourcePosition at = l == null || l.getLineNr() < 1
        ? source.position(1, 1)
        : source.position(l.getLineNr(), Math.max(1, l.getColumnNr()));
    return source.error(at, "invalid YAML: " + reason(e));
  }

  /** snakeyaml's problem text without jackson's location suffix and snakeyaml's snippet. */
  private static String reason(JacksonException e) {
    Throwable cause = e.getCause();
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
      String problem = marked.getProblem();
      String context = marked.getContext();
      if (problem != null) return context == null ? problem : problem + " (" + context + ")";
    }
    return JacksonErrors.reason(e);
  }

  private static String readFile(Path file) throws IOException {
    if (Files.size(file) > MAX_DOCUMENT_CHARS * 4L) {
      throw new ConfigException(SourcePosition.text(file.toString(), 1, 1), tooLarge());
    }
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(SourcePosition.text(file.toString(), 1, 1), "not UTF-8 text");
    }
  }

  private static String readCapped(String sourceName, Reader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n; (n = reader.read(buffer)) >= 0; ) {
      text.append(buffer, 0, n);
      if (text.length() > MAX_DOCUMENT_CHARS) {
        throw new ConfigException(SourcePosition.text(sourceName, 1, 1), tooLarge());
      }
    }
    return text.toString();
  }

  private static String tooLarge() {
    return "YAML document larger than " + (MAX_DOCUMENT_CHARS >> 20) + " MiB";
  }

  private static YAMLFactory newFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_DOCUMENT_CHARS + 1);
    options.setNestingDepthLimit(MAX_DEPTH + 2);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    factory.setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH + 2)
        .maxStringLength(MAX_DOCUMENT_CHARS)
        .build());
    return factory;
  }
}

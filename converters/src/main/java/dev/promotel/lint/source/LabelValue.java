package dev.promotel.lint.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A label value as far as it is known without discovery data: a template of literal text,
 * symbols (a value that discovery provides, such as the pod's namespace) and unknown parts (an
 * Alloy reference, an environment variable, a relabel rule whose regex cannot be applied to a
 * symbol). Invariants: adjacent literals are merged; the empty template is the empty string.
 *
 * <p>Example: {@code source_labels: [__meta_kubernetes_namespace, __meta_kubernetes_pod_label_app],
 * separator: /} gives {@code [Symbol(namespace), "/", Symbol(pod label app)]}, printed
 * {@code <namespace>/<pod label app>}.
 */
record LabelValue(List<Part> parts) {

  /** One piece of a template. */
  sealed interface Part permits Literal, Symbol, Unknown {}

  /** Text known statically. */
  record Literal(String text) implements Part {}

  /**
   * A value discovery provides, named by where it comes from ({@code __meta_kubernetes_namespace},
   * {@code extracted field status}, {@code resource attribute k8s.namespace.name}). {@code known}
   * is its value when a selector or a keep rule pins it ({@code keep} on {@code
   * __meta_kubernetes_pod_label_app} with regex {@code checkout}).
   */
  record Symbol(String source, Optional<String> known) implements Part {
    String describe() {
      return SymbolNames.describe(source);
    }
  }

  /** A part that cannot be known statically; {@code why} says what it is. */
  record Unknown(String why) implements Part {}

  LabelValue {
    List<Part> merged = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Literal l && l.text().isEmpty()) continue;
      if (p instanceof Literal l && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Literal prev) {
        merged.set(merged.size() - 1, new Literal(prev.text() + l.text()));
      } else {
        merged.add(p);
      }
    }
    parts = List.copyOf(merged);
  }

  static LabelValue literal(String text) {
    return new LabelValue(List.of(new Literal(text)));
  }

  static LabelValue symbol(String source) {
    return new LabelValue(List.of(new Symbol(source, Optional.empty())));
  }

  static LabelValue unknown(String why) {
    return new LabelValue(List.of(new Unknown(why)));
  }

  LabelValue concat(LabelValue other) {
    List<Part> all = new ArrayList<>(parts);
    all.addAll(other.parts);
    return new LabelValue(all);
  }

  boolean isEmpty() {
    return parts.isEmpty();
  }

  boolean hasUnknown() {
    return parts.stream().anyMatch(p -> p instanceof Unknown);
  }

  boolean isLiteral() {
    return parts.stream().allMatch(p -> p instanceof Literal);
  }

  /** The value if every part is a literal or a pinned symbol. */
  Optional<String> concrete() {
    StringBuilder s = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) s.append(l.text());
      else if (p instanceof Symbol sym && sym.known().isPresent()) s.append(sym.known().get());
      else return Optional.empty();
    }
    return Optional.of(s.toString());
  }

  /** The symbols' sources in order, e.g. {@code [__meta_kubernetes_namespace, __meta_kubernetes_pod_label_app]}. */
  List<String> symbols() {
    List<String> out = new ArrayList<>();
    for (Part p : parts) if (p instanceof Symbol s) out.add(s.source());
    return out;
  }

  /** Whether {@code value} could be this template's value (symbols stand for any non-empty text). */
  boolean admits(String value) {
    StringBuilder re = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) re.append(java.util.regex.Pattern.quote(l.text()));
      else if (p instanceof Symbol s && s.known().isPresent()) re.append(java.util.regex.Pattern.quote(s.known().get()));
      else re.append(".+");
    }
    return value.matches(re.toString());
  }

  /** The shape with symbols as {@code <…>} and pinned values left out: {@code <namespace>/<pod label app>}. */
  String shape() {
    StringBuilder s = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) s.append(l.text());
      else if (p instanceof Symbol sym) s.append('<').append(sym.describe()).append('>');
      else if (p instanceof Unknown u) s.append('<').append(u.why()).append('>');
    }
    return s.toString();
  }

  /** For messages: the literal in quotes, or the shape (with a pinned example when there is one). */
  String describe() {
    if (isLiteral()) return "\"" + concrete().orElse("") + "\"";
    Optional<String> c = concrete();
    return c.map(v -> "\"" + shape() + "\" (here \"" + v + "\")").orElseGet(() -> "\"" + shape() + "\"");
  }

  LabelValue map(java.util.function.UnaryOperator<String> literalOp, String symbolPrefix) {
    List<Part> out = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Literal l) out.add(new Literal(literalOp.apply(l.text())));
      else if (p instanceof Symbol s) {
        out.add(new Symbol(symbolPrefix + "(" + s.source() + ")", s.known().map(literalOp)));
      } else out.add(p);
    }
    return new LabelValue(out);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return shape();
  }
}

package dev.promotel.relabel;

import com.google.re2j.Matcher;
import dev.promotel.select.AnchoredRegex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a list of relabel rules to one label set, in order, with Prometheus' semantics
 * (model/relabel {@code relabel()}): the source values joined with the separator; {@code
 * replace} expanding {@code $1}, {@code ${1}}, {@code $name} like Go's {@code Regexp.Expand}
 * into the target label (an empty result deletes it; a target that expands to an invalid name is
 * skipped); {@code hashmod} as the md5 of the joined value, its last 8 bytes read as a big-endian
 * unsigned integer, modulo the modulus; {@code labelmap}, {@code labeldrop}, {@code labelkeep}
 * over label names; {@code keep}/{@code drop}/{@code keepequal}/{@code dropequal} stopping at the
 * first rule that drops.
 *
 * <p>Counts, per rule, the series it matched and dropped (for {@code --explain}'s "never matched"
 * list) and, when asked, writes what each rule did to one series.
 *
 * <p>What a rule's regex (and {@code hashmod}'s md5) makes of a joined source value depends on
 * that value alone, so it is remembered per rule, for at most {@value #MEMO_LIMIT} distinct values
 * (series repeat few names and label values); beyond, values are evaluated as they come.
 *
 * <p>Provenance: semantics of prometheus/prometheus model/relabel/relabel.go (Process, relabel)
 * and Go regexp.Expand, reimplemented.
 */
public final class Relabeler {
  /** What one rule did to one series. */
  public enum Outcome {
    /** The rule did not apply (regex did not match, values differ). */
    NO_MATCH,
    /** The rule applied but left the labels as they were. */
    MATCHED,
    /** The rule changed the labels. */
    REWROTE,
    /** The rule dropped the series. */
    DROPPED
  }

  private final List<RelabelRule> rules;
  private final long[] matched;
  private final long[] dropped;
  private final MessageDigest md5;
  /** Per rule: joined source value → what the regex made of it (see {@link #memo}), or null. */
  private final List<Map<String, Object>> memos;
  /** {@link #sees} by label name: the rules never change, and it is asked once per point. */
  private final Map<String, Boolean> seen = new HashMap<>();

  /** Distinct joined values remembered per rule. */
  static final int MEMO_LIMIT = 4096;

  /** A replace whose regex did not match: the memo's marker. */
  private static final Object NO_MATCH = new Object();

  /** What a matching {@code replace} expands to: the target label and its value. */
  private record Expanded(String target, String value) {}

  public Relabeler(List<RelabelRule> rules) {
    this(rules, true);
  }

  /** With {@code memoize} false every value is matched afresh (the tests compare both). */
  Relabeler(List<RelabelRule> rules, boolean memoize) {
    this.rules = List.copyOf(rules);
    this.matched = new long[rules.size()];
    this.dropped = new long[rules.size()];
    this.memos = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) memos.add(memoize ? new HashMap<>() : null);
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }

  public List<RelabelRule> rules() {
    return rules;
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** How many series rule {@code i} (0-based) matched, rewrote or dropped. */
  public long matchedCount(int i) {
    return matched[i];
  }

  /** How many series rule {@code i} (0-based) dropped. */
  public long droppedCount(int i) {
    return dropped[i];
  }

  /**
   * Whether some rule may read or change label {@code name}: it is a source or target label (or
   * a target template could expand to it), or a {@code labelmap}/{@code labeldrop}/{@code
   * labelkeep} regex treats it. When not, samples that differ only in that label (the buckets of
   * one histogram) share one outcome, and one evaluation serves them all.
   */
  boolean sees(String name) {
    Boolean known = seen.get(name);
    if (known == null) {
      known = computeSees(name);
      seen.put(name, known);
    }
    return known;
  }

  private boolean computeSees(String name) {
    for (RelabelRule rule : rules) {
      if (rule.sourceLabels().contains(name)) return true;
      String target = rule.targetLabel();
      if (target != null && (target.equals(name) || target.contains("$"))) return true;
      switch (rule.action()) {
        case LABELMAP, LABELDROP -> {
          if (rule.regex().matches(name)) return true;
        }
        case LABELKEEP -> {
          if (!rule.regex().matches(name)) return true;
        }
        default -> { }
      }
    }
    return false;
  }

  /**
   * Runs every rule on {@code labels}; false when a rule dropped the series. With {@code trace},
   * appends one indented line per rule that applied.
   */
  boolean process(LabelBuilder labels, StringBuilder trace) {
    for (int i = 0; i < rules.size(); i++) {
      RelabelRule rule = rules.get(i);
      Outcome outcome = apply(rule, memos.get(i), labels, trace);
      if (outcome != Outcome.NO_MATCH) matched[i]++;
      if (outcome == Outcome.DROPPED) {
        dropped[i]++;
        return false;
      }
    }
    return true;
  }

  private Outcome apply(
      RelabelRule rule, Map<String, Object> memo, LabelBuilder lb, StringBuilder trace) {
    String val = joined(rule, lb);
    switch (rule.action()) {
      case DROP -> {
        if (!matches(rule, memo, val)) return Outcome.NO_MATCH;
        if (trace != null) note(trace, rule, "regex matched " + q(val) + ": dropped");
        return Outcome.DROPPED;
      }
      case KEEP -> {
        if (matches(rule, memo, val)) {
          if (trace != null) note(trace, rule, "regex matched " + q(val) + ": kept");
          return Outcome.MATCHED;
        }
        if (trace != null) note(trace, rule, "regex did not match " + q(val) + ": dropped");
        return Outcome.DROPPED;
      }
      case DROPEQUAL -> {
        String target = lb.get(rule.targetLabel());
        if (!target.equals(val)) return Outcome.NO_MATCH;
        if (trace != null) note(trace, rule, rule.targetLabel() + " equals " + q(val) + ": dropped");
        return Outcome.DROPPED;
      }
      case KEEPEQUAL -> {
        String target = lb.get(rule.targetLabel());
        if (target.equals(val)) {
          if (trace != null) note(trace, rule, rule.targetLabel() + " equals " + q(val) + ": kept");
          return Outcome.MATCHED;
        }
        if (trace != null) {
          note(trace, rule, rule.targetLabel() + "=" + q(target) + " differs from " + q(val)
              + ": dropped");
        }
        return Outcome.DROPPED;
      }
      case REPLACE -> {
        return replace(rule, memo, lb, val, trace);
      }
      case LOWERCASE -> {
        return setLabel(rule, lb, rule.targetLabel(), val.toLowerCase(Locale.ROOT), trace, "");
      }
      case UPPERCASE -> {
        return setLabel(rule, lb, rule.targetLabel(), val.toUpperCase(Locale.ROOT), trace, "");
      }
      case HASHMOD -> {
        Object known = memo == null ? null : memo.get(val);
        String mod = known != null ? (String) known
            : (String) remember(memo, val, Long.toUnsignedString(hashmod(val, rule.modulus())));
        return setLabel(rule, lb, rule.targetLabel(), mod, trace, trace == null ? ""
            : " (md5 of " + q(val) + " mod " + Long.toUnsignedString(rule.modulus()) + ")");
      }
      case LABELMAP -> {
        return labelMap(rule, lb, trace);
      }
      case LABELDROP, LABELKEEP -> {
        return labelDropKeep(rule, lb, trace);
      }
    }
    throw new AssertionError("unhandled action " + rule.action());
  }

  private static boolean matches(RelabelRule rule, Map<String, Object> memo, String val) {
    Object known = memo == null ? null : memo.get(val);
    if (known != null) return (Boolean) known;
    return (Boolean) remember(memo, val, rule.regex().matches(val));
  }

  /**
   * Returns {@code result}, what a rule made of {@code val} alone, after remembering it in {@code
   * memo} (null: not memoized) while that holds fewer than {@value #MEMO_LIMIT} values. Callers
   * look the value up first themselves: a lambda computing it would be allocated on every call.
   */
  private static Object remember(Map<String, Object> memo, String val, Object result) {
    if (memo != null && memo.size() < MEMO_LIMIT) memo.put(val, result);
    return result;
  }

  private static String joined(RelabelRule rule, LabelBuilder lb) {
    List<String> sources = rule.sourceLabels();
    if (sources.isEmpty()) return "";
    if (sources.size() == 1) return lb.get(sources.get(0));
    int length = rule.separator().length() * (sources.size() - 1);
    for (String source : sources) length += lb.get(source).length();
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < sources.size(); i++) {
      if (i > 0) out.append(rule.separator());
      out.append(lb.get(sources.get(i)));
    }
    return out.toString();
  }

  private Outcome replace(
      RelabelRule rule, Map<String, Object> memo, LabelBuilder lb, String val,
      StringBuilder trace) {
    // Prometheus' fast path: nothing to match or expand, the replacement is set as written.
    if (val.isEmpty() && rule.defaultRegex() && !rule.targetLabel().contains("$")
        && !rule.replacement().contains("$")) {
      return setLabel(rule, lb, rule.targetLabel(), rule.replacement(), trace, "");
    }
    Object expanded = memo == null ? null : memo.get(val);
    if (expanded == null) {
      Matcher m = rule.regex().match(val);
      expanded = remember(memo, val, m == null ? NO_MATCH
          : new Expanded(expand(rule.targetLabel(), val, m, rule.regex()),
              expand(rule.replacement(), val, m, rule.regex())));
    }
    if (expanded == NO_MATCH) return Outcome.NO_MATCH;
    Expanded e = (Expanded) expanded;
    if (!isValidLabelName(e.target())) {
      if (trace != null) {
        note(trace, rule, "regex matched " + q(val) + " but target label " + q(e.target())
            + " is not a valid label name: unchanged");
      }
      return Outcome.MATCHED;
    }
    return setLabel(rule, lb, e.target(), e.value(), trace, "");
  }

  private Outcome setLabel(
      RelabelRule rule, LabelBuilder lb, String name, String value, StringBuilder trace,
      String why) {
    String old = lb.get(name);
    lb.set(name, value);
    if (old.equals(value)) {
      if (trace != null) note(trace, rule, name + " already " + q(value) + why + ": unchanged");
      return Outcome.MATCHED;
    }
    if (trace == null) return Outcome.REWROTE;
    if (value.isEmpty()) note(trace, rule, "deleted " + name + " (was " + q(old) + ")" + why);
    else note(trace, rule, "set " + name + "=" + q(value) + why);
    return Outcome.REWROTE;
  }

  private Outcome labelMap(RelabelRule rule, LabelBuilder lb, StringBuilder trace) {
    List<String> changes = trace == null ? null : new ArrayList<>();
    boolean[] state = new boolean[2]; // [matched, changed]
    lb.range((name, value) -> {
      Matcher m = rule.regex().match(name);
      if (m == null) return;
      state[0] = true;
      String target = expand(rule.replacement(), name, m, rule.regex());
      // Prometheus would set an empty name and then reject the sample as invalid; skip instead.
      if (!isValidLabelName(target)) return;
      if (!lb.get(target).equals(value)) {
        state[1] = true;
        if (changes != null) changes.add(name + " → " + target);
      }
      lb.set(target, value);
    });
    if (!state[0]) return Outcome.NO_MATCH;
    if (!state[1]) {
      note(trace, rule, "label names matched, targets already equal: unchanged");
      return Outcome.MATCHED;
    }
    if (changes != null) note(trace, rule, "copied " + String.join(", ", changes));
    return Outcome.REWROTE;
  }

  private Outcome labelDropKeep(RelabelRule rule, LabelBuilder lb, StringBuilder trace) {
    boolean keep = rule.action() == RelabelAction.LABELKEEP;
    List<String> removed = new ArrayList<>();
    boolean[] anyMatch = new boolean[1];
    lb.range((name, value) -> {
      boolean matches = rule.regex().matches(name);
      anyMatch[0] |= matches;
      if (matches != keep) {
        lb.delete(name);
        removed.add(name);
      }
    });
    if (!removed.isEmpty()) {
      note(trace, rule, (keep ? "kept matching labels, removed " : "removed ")
          + String.join(", ", removed));
      return Outcome.REWROTE;
    }
    return anyMatch[0] ? Outcome.MATCHED : Outcome.NO_MATCH;
  }

  /**
   * The {@code hashmod} value: md5 of {@code value}'s UTF-8 bytes, the last 8 of its 16 bytes as
   * a big-endian unsigned 64-bit integer, modulo {@code modulus} (unsigned).
   */
  long hashmod(String value, long modulus) {
    byte[] digest = md5.digest(value.getBytes(StandardCharsets.UTF_8));
    long h = 0;
    for (int i = 8; i < 16; i++) h = (h << 8) | (digest[i] & 0xFF);
    return Long.remainderUnsigned(h, modulus);
  }

  /**
   * Go's {@code Regexp.ExpandString}: {@code $$} is {@code $}; {@code $name} takes the longest
   * run of letters, digits and underscores ({@code $1x} is group "1x", not group 1 then x); {@code
   * ${name}} is delimited; a number selects a group (no leading zeros), anything else a named
   * group; unknown or unmatched groups expand to nothing; a malformed {@code $} stays literal.
   */
  static String expand(String template, String src, Matcher m, AnchoredRegex regex) {
    int dollar = template.indexOf('$');
    if (dollar < 0) return template;
    StringBuilder out = new StringBuilder(template.length() + src.length());
    int i = 0;
    while (true) {
      dollar = template.indexOf('$', i);
      if (dollar < 0) break;
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean brace = i < template.length() && template.charAt(i) == '{';
      int nameStart = brace ? i + 1 : i;
      int j = nameStart;
      while (j < template.length()) {
        int cp = template.codePointAt(j);
        if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') break;
        j += Character.charCount(cp);
      }
      if (j == nameStart || (brace && (j >= template.length() || template.charAt(j) != '}'))) {
        out.append('$');
        continue;
      }
      String name = template.substring(nameStart, j);
      i = brace ? j + 1 : j;
      int group = groupNumber(name);
      if (group < 0) group = regex.groupIndex(name);
      if (group >= 0 && group <= m.groupCount() && m.start(group) >= 0) {
        out.append(src, m.start(group), m.end(group));
      }
    }
    out.append(template, i, template.length());
    return out.toString();
  }

  /** The group number {@code name} spells, or -1 (not all ASCII digits, a leading zero, ≥ 1e8). */
  private static int groupNumber(String name) {
    int num = 0;
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (c < '0' || c > '9' || num >= 100_000_000) return -1;
      num = num * 10 + (c - '0');
    }
    if (name.charAt(0) == '0' && name.length() > 1) return -1;
    return num;
  }

  /**
   * Prometheus 3's default (UTF-8) label name check: non-empty, valid UTF-8 (no lone surrogate in
   * a Java string).
   */
  static boolean isValidLabelName(String name) {
    if (name.isEmpty()) return false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) return false;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static void note(StringBuilder trace, RelabelRule rule, String what) {
    if (trace == null) return;
    trace.append("  ").append(rule.describe()).append(": ").append(what).append('\n');
  }

  private static String q(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c == '\n') out.append("\\n");
      else out.append(c);
    }
    return out.append('"').toString();
  }
}

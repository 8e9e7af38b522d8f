package dev.promotel.translate.naming;

import java.util.Locale;

/**
 * Which unit tables turn UCUM units into Prometheus words (specs/translation.md §4.3, §10 rows 3–6,
 * §11 {@code --unit-dialect}).
 *
 * <ul>
 *   <li>{@link #OTLPTRANSLATOR} (default): byte-compatible with Prometheus and the Collector —
 *       {@code TiBy} → {@code tibibytes}, {@code KBy} → {@code kilobytes}, per {@code m} = minute,
 *       a unit part containing a brace annotation is dropped whole ({@code {packets}V} → no unit).
 *   <li>{@link #UCUM_STRICT}: UCUM-correct — {@code TiBy} → {@code tebibytes}, {@code kBy} (and
 *       {@code KBy}) → {@code kilobytes}, per units {@code s min h d wk mo a}, annotations removed
 *       inline ({@code {packets}V} → {@code volts}, {@code m/min} → {@code meters_per_minute}).
 * </ul>
 */
public enum UnitDialect {
  OTLPTRANSLATOR("otlptranslator"),
  UCUM_STRICT("ucum-strict");

  private final String id;

  UnitDialect(String id) {
    this.id = id;
  }

  /** The CLI spelling ({@code otlptranslator}, {@code ucum-strict}). */
  public String id() {
    return id;
  }

  /**
   * The dialect with this CLI id (case-insensitive).
   *
   * @throws IllegalArgumentException for an unknown id
   */
  public static UnitDialect fromId(String id) {
    for (UnitDialect d : values()) {
      if (d.id.equals(id.toLowerCase(Locale.ROOT))) return d;
    }
    throw new IllegalArgumentException(
        "unknown unit dialect '" + id + "'; expected otlptranslator or ucum-strict");
  }
}

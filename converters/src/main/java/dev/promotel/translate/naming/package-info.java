/**
 * OTLP → Prometheus name translation: the prometheus/otlptranslator metric, unit and label name
 * rules (specs/translation.md §4), the four {@link dev.promotel.translate.naming.TranslationStrategy
 * translation strategies}, the two {@link dev.promotel.translate.naming.UnitDialect unit dialects}
 * of §11, and the reverse unit mapping used for Prometheus → OTLP (§2.1).
 *
 * <p>All types are immutable and thread-safe. Failures are {@link
 * dev.promotel.translate.naming.InvalidNameException}s.
 */
package dev.promotel.translate.naming;

/**
 * Delta ⇄ cumulative temporality conversion over OTLP streams (specs/temporality.md): stream
 * identity ({@link dev.promotel.translate.temporality.StreamKey}), per-stream state of primitives
 * with interned bucket bounds, the accumulation and subtraction engines ({@link
 * dev.promotel.translate.temporality.DeltaToCumulative}, {@link
 * dev.promotel.translate.temporality.CumulativeToDelta}), their policies ({@link
 * dev.promotel.translate.temporality.TemporalityOptions}) and drop reasons, and the whole-input
 * driver with its external sort ({@link dev.promotel.translate.temporality.TemporalityConverter}).
 */
package dev.promotel.translate.temporality;

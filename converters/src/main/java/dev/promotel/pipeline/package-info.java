/**
 * Wiring of source → transforms → sink: {@link dev.promotel.pipeline.Codecs} maps each {@link
 * dev.promotel.format.Format} to its reader and writer and tells an opened input's format from its
 * first bytes ({@link dev.promotel.io.OpenedInput#head()}), and {@link
 * dev.promotel.pipeline.Pipeline} is the read/write loop. Transforms are {@link
 * dev.promotel.format.MetricWriter}s wrapping the next one.
 */
package dev.promotel.pipeline;

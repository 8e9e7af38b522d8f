/**
 * The data model every format converts through: immutable records shaped like OTLP (the superset),
 * with Prometheus-only facts carried in {@link dev.promotel.model.PromMetadata}. JDK only.
 *
 * <p>Time is nanoseconds since the epoch everywhere ({@code timeUnixNano}); writers convert to
 * milliseconds (0.0.4) or seconds (OpenMetrics). A time of 0 means "not set", as in OTLP.
 */
package dev.promotel.model;

/**
 * Format contracts: {@link dev.promotel.format.Format} (ids, aliases, extensions, media types,
 * content sniffing), the pull {@link dev.promotel.format.MetricReader} and push {@link
 * dev.promotel.format.MetricWriter}, positioned errors, and {@link
 * dev.promotel.format.Diagnostics}, the loss report every reader, writer and transform feeds. One
 * sub-package per format.
 */
package dev.promotel.format;

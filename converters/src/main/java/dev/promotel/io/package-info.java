/**
 * Opening inputs and outputs for a streaming CLI.
 *
 * <p>Inputs: {@link dev.promotel.io.InputSource} names one input ({@code -} is standard input,
 * shown as {@code <stdin>}); {@link dev.promotel.io.InputSource#fromArguments} turns command-line
 * arguments into sources (no argument means stdin, directories expand recursively in sorted order).
 * {@link dev.promotel.io.InputSource#open(DecompressionLimits)} returns an {@link
 * dev.promotel.io.OpenedInput}: the decompressed stream, the {@link dev.promotel.io.Compression}
 * detected from magic bytes (never from the extension), and the first bytes for format sniffing.
 * {@link dev.promotel.io.DecompressionLimits} guard against decompression bombs.
 *
 * <p>Outputs: {@link dev.promotel.io.OutputTarget} is standard output or an {@link
 * dev.promotel.io.AtomicOutput} (temp file in the target's directory, renamed over the target on
 * {@code commit()}, deleted otherwise), with output compression applied inside.
 *
 * <p>Errors are {@link dev.promotel.io.PromotelIOException}s carrying their exit code (4 for I/O
 * errors, 3 for corrupt compressed data and for {@link dev.promotel.io.InputLimitException}) and a
 * one-line message that starts with the input's display name, e.g. {@code nosuch.prom: no such
 * file}.
 *
 * <p>Nothing here reads a whole input into memory: buffers are bounded (64 KiB each).
 */
package dev.promotel.io;

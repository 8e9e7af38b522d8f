/**
 * The promotel command line: {@link dev.promotel.cli.Main} (process entry and test-friendly
 * {@code run}), {@link dev.promotel.cli.PromotelCommand} (global options) and one {@code *Command}
 * per verb. Commands print through the streams they are given, never {@code System.out}; errors
 * are mapped to exit codes in one place ({@code ErrorReporter}).
 */
package dev.promotel.cli;

/**
 * Helpers the text formats share: line reading with limits, Go- and OpenMetrics-compatible number
 * formatting and parsing, escaping, and name rules.
 *
 * <p>Internal: these types are public only so the format packages can share them; they may change
 * at any time and are not API.
 */
package dev.promotel.format.internal;

package dev.promotel.lint;

import dev.promotel.format.SourcePosition;

/** The other end of a cross-source finding: where the other side sets the label, and how. */
public record RelatedLocation(SourcePosition position, String message) {}

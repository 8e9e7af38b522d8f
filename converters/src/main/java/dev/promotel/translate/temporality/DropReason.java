package dev.promotel.translate.temporality;

import java.util.Locale;

/**
 * Why a point was dropped or changed while converting temporality, with the report names of the
 * temporality spec §6.1 ({@code out_of_order}, {@code older_start}, ...). A reason either loses the
 * point ({@link #dropsPoint()}: counted as a loss, so {@code --strict} exits 1) or only notes a
 * decision that kept it (a gap that was bridged, a reset that restarted the accumulation).
 *
 * <p>Example: a delta (1200,1300] arriving after (1300,1400] in input order is {@link
 * #OUT_OF_ORDER}, reported as {@code out_of_order}.
 */
public enum DropReason {
  /** Accepted and emitted (or accumulated); the report's baseline. */
  ACCEPTED(false, "points accepted"),
  OUT_OF_ORDER(true, "points dropped: not later than the stream's last point (out of order)"),
  DUPLICATE(true, "points dropped: same window as the previous point with a different value"),
  DUPLICATE_REPLACED(false,
      "points replaced: same window as the previous point, the later value wins"
          + " (--on-duplicate=last)"),
  DEDUPLICATED(false, "points deduplicated: an exact repeat of the previous point"),
  OLDER_START(true, "points dropped: start before the stream's start (several writers?)"),
  OVERLAP(true, "points dropped: window overlaps the previous one"),
  OVERLAP_ACCEPTED(false, "points accepted although their window overlaps the previous one"),
  GAP(false, "points after a gap (start later than the previous point's time)"),
  RESET_RESTART(false, "accumulations restarted: gap, restart or start-time change"),
  RESET_BOUNDS(false, "accumulations restarted: histogram bucket bounds changed"),
  BOUNDS_CHANGE(true, "points dropped: histogram bucket bounds changed (--on-bounds-change=drop)"),
  STALE_RESET(false, "accumulations restarted: the stream was silent longer than --max-stale"),
  LIMIT(true, "points dropped: a new stream beyond --max-streams"),
  NAN(true, "points dropped: NaN or infinite value"),
  NAN_PROPAGATED(false, "NaN or infinite values added (--on-nan=propagate)"),
  TYPE_CHANGE(false, "streams switched between integer and double values"),
  OVERFLOW(false, "integer sums beyond 2^63 continued as doubles"),
  NEGATIVE(false, "negative deltas on monotonic sums"),
  NEGATIVE_DROPPED(true, "points dropped: negative delta on a monotonic sum (--reject-negative)"),
  INVALID_WINDOW(true, "points dropped: start time after the point's time"),
  INVALID(true, "points dropped: invalid data (bucket arrays, counts)"),
  NO_RECORDED_VALUE(false, "no-recorded-value markers passed through"),
  ZERO_INIT(false, "synthetic zero points inserted for new streams (--zero-init)"),
  INITIAL(true, "points dropped: first cumulative point of a stream (--initial-value)"),
  RESET(true, "points dropped: cumulative value decreased (counter reset)"),
  RESET_PASSED(false, "histogram resets passed through as full deltas"),
  BUCKET_MISMATCH(true, "points dropped: bucket layout differs from the previous point");

  private final boolean dropsPoint;
  private final String message;

  DropReason(boolean dropsPoint, String message) {
    this.dropsPoint = dropsPoint;
    this.message = message;
  }

  /** True when the point is not in the output (a loss); false for notes. */
  public boolean dropsPoint() {
    return dropsPoint;
  }

  /** The §6.1 report name, e.g. {@code out_of_order}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String message() {
    return message;
  }
}

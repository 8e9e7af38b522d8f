package dev.promotel.format.otlp;

import dev.promotel.model.MetricFamily;
import dev.promotel.model.Resource;
import dev.promotel.model.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * The families of one {@code ResourceMetrics} waiting to be written: consecutive families with an
 * equal resource, grouped into one {@code ScopeMetrics} per run of equal scopes. The batch is
 * bounded by {@link #MAX_FAMILIES} and by a weight of about one unit per point, exemplar and eight
 * histogram buckets ({@link #MAX_WEIGHT}), so a writer holds at most a few MiB of pending output;
 * a single family heavier than the bound makes a batch of its own.
 */
final class ResourceBatch {
  static final int MAX_FAMILIES = 1024;
  static final long MAX_WEIGHT = 32 * 1024;

  /** A run of families sharing one scope. */
  record ScopeGroup(Scope scope, List<MetricFamily> families) {}

  private final int maxFamilies;
  private final long maxWeight;
  private final List<ScopeGroup> scopes = new ArrayList<>();
  private Resource resource;
  private int families;
  private long weight;

  ResourceBatch() {
    this(MAX_FAMILIES, MAX_WEIGHT);
  }

  ResourceBatch(int maxFamilies, long maxWeight) {
    this.maxFamilies = maxFamilies;
    this.maxWeight = maxWeight;
  }

  boolean isEmpty() {
    return families == 0;
  }

  int families() {
    return families;
  }

  Resource resource() {
    return resource;
  }

  List<ScopeGroup> scopes() {
    return scopes;
  }

  /** Whether {@code family} may join this batch; an empty batch takes anything. */
  boolean canTake(MetricFamily family, long familyWeight) {
    if (families == 0) return true;
    return sameResource(family.resource())
        && families < maxFamilies
        && weight + familyWeight <= maxWeight;
  }

  void add(MetricFamily family, long familyWeight) {
    if (families == 0) resource = family.resource();
    ScopeGroup last = scopes.isEmpty() ? null : scopes.get(scopes.size() - 1);
    if (last == null || !sameScope(last.scope(), family.scope())) {
      last = new ScopeGroup(family.scope(), new ArrayList<>());
      scopes.add(last);
    }
    last.families().add(family);
    families++;
    weight += familyWeight;
  }

  void clear() {
    scopes.clear();
    resource = null;
    families = 0;
    weight = 0;
  }

  private boolean sameResource(Resource other) {
    if (other == resource) return true;
    // Attributes cache their hash, so resources that differ (one per target when a Prometheus
    // family is split by instance) are told apart without comparing their values.
    return other.attributes().hashCode() == resource.attributes().hashCode()
        && other.equals(resource);
  }

  private static boolean sameScope(Scope a, Scope b) {
    return a == b || a.equals(b);
  }
}

package dev.promotel.lint.source;

/**
 * Human names for the sources of symbolic values, so messages say {@code <pod label app>} rather
 * than {@code __meta_kubernetes_pod_label_app}. Example: {@code __meta_kubernetes_namespace} →
 * {@code namespace}.
 */
final class SymbolNames {
  private static final String K8S = "__meta_kubernetes_";

  private SymbolNames() {}

  static String describe(String source) {
    int paren = source.indexOf('(');
    if (paren > 0 && source.endsWith(")")) {
      String[] inner = source.substring(paren + 1, source.length() - 1).split(", ");
      StringBuilder s = new StringBuilder(source.substring(0, paren)).append(" (");
      for (int i = 0; i < inner.length; i++) s.append(i > 0 ? ", " : "").append(describe(inner[i]));
      return s.append(')').toString();
    }
    if (source.equals("__address__")) return "target address";
    if (!source.startsWith(K8S)) return source;
    String rest = source.substring(K8S.length());
    if (rest.equals("namespace")) return "namespace";
    for (String kind : new String[] {"pod", "service", "node", "endpoints", "endpointslice", "ingress"}) {
      if (rest.startsWith(kind + "_label_")) return kind + " label " + rest.substring(kind.length() + 7);
      if (rest.startsWith(kind + "_annotation_")) return kind + " annotation " + rest.substring(kind.length() + 12);
    }
    return rest.replace('_', ' ');
  }

  /** Whether two symbols are Kubernetes discovery labels (for xsrc/k8s-source-divergent). */
  static boolean isKubernetes(String source) {
    return source.startsWith(K8S);
  }
}

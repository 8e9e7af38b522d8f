/**
 * {@code promotel lint}: findings about metric dumps and about the configs that decide which
 * labels metrics and logs carry. The core types here ({@link dev.promotel.lint.Finding}, {@link
 * dev.promotel.lint.RuleInfo}, {@link dev.promotel.lint.LintContext}) are shared by the dump rules
 * of this package and by the config readers and cross-source rules of {@code lint.source}.
 */
package dev.promotel.lint;

/**
 * The one YAML loader for every file promotel reads as configuration (relabel configs, naming
 * rules, lint configs, Prometheus, Promtail, Collector and Loki files): a small positioned node
 * tree ({@link dev.promotel.yaml.YamlNode}) built from jackson's streaming YAML parser, with
 * aliases and merge keys resolved, limits against hostile documents, and {@link
 * dev.promotel.yaml.ConfigException} for every error, so all of them read {@code
 * file:line:col: reason} with the line and a caret.
 */
package dev.promotel.yaml;

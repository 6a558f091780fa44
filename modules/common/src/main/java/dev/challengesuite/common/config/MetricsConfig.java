package dev.challengesuite.common.config;

/** Prometheus endpoint: {@code metrics.*}, served at {@code /metrics}. */
public record MetricsConfig(boolean enabled, String host, int port) {}

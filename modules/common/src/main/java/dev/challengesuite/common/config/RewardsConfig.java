package dev.challengesuite.common.config;

/**
 * Reward grants ({@code rewards.*}): {@code mode} is "real" (AGS Platform) or "mock"; the mock's
 * latency and failure rate are for tests and benchmarks.
 */
public record RewardsConfig(String mode, String platformBaseUrl, long mockLatencyMillis, double mockFailureRate) {}

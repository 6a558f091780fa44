package dev.challengesuite.common.config;

/**
 * Event write pipeline ({@code events.*}): duplicate-id window, largest write batch, and how many
 * accepted-but-not-yet-durable events a partition may hold before new ones are refused with
 * RESOURCE_EXHAUSTED.
 */
public record EventsConfig(long dedupWindowSeconds, int maxBatchPlayers, int maxPendingEvents) {}

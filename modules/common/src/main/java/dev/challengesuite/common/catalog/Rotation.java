package dev.challengesuite.common.catalog;

import dev.challengesuite.common.time.Schedule;

/**
 * An enabled, global rotation of a goal (a disabled rotation block is dropped at load time, so a
 * goal either has one of these or none).
 */
public record Rotation(Schedule schedule, boolean resetProgress, boolean allowReselection) {}

package dev.challengesuite.common.progress;

import java.time.Instant;

/**
 * One event whose counter value reached a target that no earlier crossing of the counter covered
 * (see {@link Crossings}).
 *
 * @param value the counter's value after the event: the stat value, or the logins since the
 *     player's first initialize
 * @param seq the event's player sequence
 * @param at when the event was applied
 */
public record Crossing(int value, long seq, Instant at) {}

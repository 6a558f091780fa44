package dev.challengesuite.common.progress;

/** The latest value of one statistic of a player and the player event sequence that set it. */
public record StatValue(int value, long seq) {}

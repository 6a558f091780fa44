package dev.challengesuite.common.catalog;

/** What claiming the goal grants. */
public record Reward(RewardType type, String rewardId, int quantity) {}

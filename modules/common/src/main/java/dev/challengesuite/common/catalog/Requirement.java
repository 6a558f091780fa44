package dev.challengesuite.common.catalog;

/** The goal's target: {@code statCode >= targetValue}, counted in {@code progressMode}. */
public record Requirement(String statCode, String operator, int targetValue, ProgressMode progressMode) {}

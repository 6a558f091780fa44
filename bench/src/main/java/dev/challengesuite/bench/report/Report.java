package dev.challengesuite.bench.report;

import dev.challengesuite.bench.sample.Series;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run, ready to render: what was run where, the figures per phase and endpoint, resources
 * over time, and the scenario's own sections.
 *
 * @param runSeconds seconds from the start of the run to its end (for the per-10 s table)
 * @param sendLag how late the generator sent requests compared to the schedule
 */
public record Report(
    String scenario,
    String commandLine,
    Instant startedAt,
    double runSeconds,
    MachineInfo machine,
    Map<String, String> settings,
    List<PhaseSummary> phases,
    Latency sendLag,
    List<Series> resources,
    List<Section> sections,
    List<String> notes) {}

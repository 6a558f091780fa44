package dev.challengesuite.bench.load;

/**
 * A named stretch of a run with its own arrivals and workload. {@code measured} phases are the
 * ones the figures are about; the others (warm-up) are reported apart.
 */
public record Phase(String name, boolean measured, ArrivalSchedule schedule, Workload workload) {

  public static Phase warmUp(ArrivalSchedule schedule, Workload workload) {
    return new Phase("warm-up", false, schedule, workload);
  }

  public static Phase measured(String name, ArrivalSchedule schedule, Workload workload) {
    return new Phase(name, true, schedule, workload);
  }
}

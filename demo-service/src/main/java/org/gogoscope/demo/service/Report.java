package org.gogoscope.demo.service;

import java.util.ArrayList;
import java.util.List;

/** A long report job as registered in the shared store ({@code report:<id>}), and its checkpointed progress. */
public record Report(String id, int steps, State state, String requestedOn) {

    public enum State { RUNNING, DONE }

    public Report done() {
        return new Report(id, steps, State.DONE, requestedOn);
    }

    /** The task id of its checkpoints. */
    public String taskId() {
        return "report-" + id;
    }

    /** One run of the job: the node and the step it started after (0 = from scratch). */
    public record Run(String node, int fromStep) {
    }

    /**
     * What each checkpoint holds: the steps done, the running total (step i adds i*i, so a skipped or repeated
     * step shows in the total), and every run that worked on it.
     */
    public record Progress(int completedSteps, long total, List<Run> runs) {

        public static Progress start() {
            return new Progress(0, 0, List.of());
        }

        public Progress resumedBy(String node) {
            List<Run> all = new ArrayList<>(runs);
            all.add(new Run(node, completedSteps));
            return new Progress(completedSteps, total, List.copyOf(all));
        }

        public Progress step(int step) {
            return new Progress(step, total + (long) step * step, runs);
        }
    }
}

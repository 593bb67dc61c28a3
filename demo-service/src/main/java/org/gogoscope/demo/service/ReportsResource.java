package org.gogoscope.demo.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.CheckpointProvider;

/**
 * {@code POST /reports/{id}?steps=20} starts (or resumes) a checkpointed long task, 202; {@code GET /reports/{id}}
 * shows its progress from the latest checkpoint, readable on every node.
 */
@Path("reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    /** A report as shown: its state, the latest checkpoint's progress, and who holds its lock now. */
    public record ReportView(String id, Report.State state, int steps, int completedSteps, int percent, long total,
            List<Report.Run> runs, Instant lastCheckpointAt, LockHolders.Holder runningOn, boolean resumerOnThisNode) {
    }

    @Inject
    Reports reports;

    @Inject
    CheckpointProvider checkpoints;

    @Inject
    LockHolders holders;

    @Inject
    CacheProvider store;

    @POST
    @Path("{id}")
    public Response start(@PathParam("id") String id, @QueryParam("steps") Integer steps) {
        int count = Optional.ofNullable(steps).orElse(20);
        if (count < 1 || count > 1000) {
            throw new BadRequestException("query parameter 'steps' must be between 1 and 1000, was " + count);
        }
        reports.start(id, count);
        return Response.accepted(view(id)).build();
    }

    @GET
    @Path("{id}")
    public ReportView get(@PathParam("id") String id) {
        return view(id);
    }

    private ReportView view(String id) {
        Report report = Reports.find(store, id).orElseThrow(() -> new NotFoundException("no report " + id));
        Optional<Checkpoint<Report.Progress>> latest = checkpoints.loadLatest(report.taskId(), Report.Progress.class);
        Report.Progress progress = latest.map(Checkpoint::data).orElse(Report.Progress.start());
        return new ReportView(id, report.state(), report.steps(), progress.completedSteps(),
                latest.map(Checkpoint::progress).orElse(0), progress.total(), progress.runs(),
                latest.map(Checkpoint::timestamp).orElse(null), holders.holderOf("report-" + id).orElse(null),
                reports.runsHere(id));
    }
}

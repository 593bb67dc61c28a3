package org.gogoscope.admin;

import static org.gogoscope.admin.Html.esc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.CircuitRecordInfo;
import org.gogoscope.api.InProgressClaim;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.LockPage;
import org.gogoscope.api.Page;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.api.TaskInfo;
import org.gogoscope.core.breaker.BreakerDocument;

/**
 * The four sections of one store's page, each one bounded read of the store (a page of its listing) rendered as a
 * table with a link to the next page. A section whose read fails shows why; the others still show.
 */
final class StoreSections {

    /** The URI of the confirmation of {@code action} on a record of {@code store}. */
    interface ConfirmUri {
        String of(String action, String store, Map<String, String> params);
    }

    private final PersistenceAdapter adapter;
    private final String store;
    private final String pattern;
    private final int pageSize;
    private final Function<Map<String, String>, String> pageUri;

    StoreSections(PersistenceAdapter adapter, String store, String pattern, int pageSize,
            Function<Map<String, String>, String> pageUri) {
        this.adapter = adapter;
        this.store = store;
        this.pattern = pattern;
        this.pageSize = pageSize;
        this.pageUri = pageUri;
    }

    String locks(String cursor, ConfirmUri confirm) {
        return section("locks", "Held locks", List.of("Key", "Holder", "Fencing token", "Time left", ""), () -> {
            LockPage page = adapter.locks().list(pattern, cursor, pageSize);
            StringBuilder rows = new StringBuilder();
            for (LockInfo lock : page.locks()) {
                rows.append(row(lock.key(), esc(lock.owner()), Long.toString(lock.fencingToken()),
                        Html.duration(lock.remaining()), action(confirm.of("release-lock", store, Map.of("key",
                                lock.key())), "Force release")));
            }
            return new Rendered(rows.toString(), page.next());
        });
    }

    String breakers(String cursor, ConfirmUri confirm) {
        return section("breakers", "Shared circuit breakers", List.of("Key", "State", "Failures in window",
                "Times opened", "Last opened", ""), () -> {
                    Page<CircuitRecordInfo> page = adapter.circuitBreakers().listRecords(pattern, cursor, pageSize);
                    StringBuilder rows = new StringBuilder();
                    for (CircuitRecordInfo record : page.items()) {
                        rows.append(breakerRow(record, confirm));
                    }
                    return new Rendered(rows.toString(), page.next());
                });
    }

    String claims(String cursor, ConfirmUri confirm) {
        return section("claims", "Idempotency claims in progress", List.of("Key", "Lease left", "Claim token", ""),
                () -> {
                    Page<InProgressClaim> page = adapter.idempotency().listInProgress(pattern, cursor, pageSize);
                    StringBuilder rows = new StringBuilder();
                    for (InProgressClaim claim : page.items()) {
                        rows.append(row(claim.key(), Html.duration(claim.leaseRemaining()), "<code>"
                                + esc(claim.claimToken()) + "</code>", action(confirm.of("release-claim", store,
                                        Map.of("key", claim.key(), "token", claim.claimToken())), "Release")));
                    }
                    return new Rendered(rows.toString(), page.next());
                });
    }

    String tasks(String cursor) {
        return section("tasks", "Checkpointed tasks", List.of("Task", "Latest sequence", "Checkpoints"), () -> {
            Page<TaskInfo> page = adapter.checkpoints().listTasks(pattern, cursor, pageSize);
            StringBuilder rows = new StringBuilder();
            for (TaskInfo task : page.items()) {
                rows.append(row(task.taskId(), Integer.toString(task.latestSequence()),
                        Integer.toString(task.checkpoints())));
            }
            return new Rendered(rows.toString(), page.next());
        });
    }

    /** The state a stored breaker document holds, or a note that it is not one. */
    static String breakerState(String json) {
        try {
            return BreakerDocument.read(json).state;
        } catch (RuntimeException notABreaker) {
            return "unreadable document";
        }
    }

    private String breakerRow(CircuitRecordInfo record, ConfirmUri confirm) {
        BreakerDocument document;
        try {
            document = BreakerDocument.read(record.data());
        } catch (RuntimeException notABreaker) {
            return row(record.key(), "not a MicroProfile breaker document (version " + record.version() + ")", "",
                    "", "", "");
        }
        String state = "<span class=\"" + esc(document.state) + "\">" + esc(document.state) + "</span>";
        String opened = document.openedAt == 0 ? "never" : Instant.ofEpochMilli(document.openedAt).toString();
        String reset = BreakerDocument.CLOSED.equals(document.state) && document.failures() == 0 ? ""
                : action(confirm.of("reset-breaker", store, Map.of("key", record.key())), "Reset");
        return row(record.key(), state, Long.toString(document.failures()), Long.toString(document.opened), opened,
                reset);
    }

    private record Rendered(String rows, Optional<String> next) {
    }

    private interface Read {
        Rendered read();
    }

    private String section(String id, String title, List<String> columns, Read read) {
        StringBuilder out = new StringBuilder("<section id=\"").append(id).append("\"><h2>").append(title)
                .append("</h2>");
        Rendered rendered;
        try {
            rendered = read.read();
        } catch (BackendException | IllegalArgumentException e) {
            return out.append("<p class=\"error\">").append(esc(e.getMessage())).append("</p></section>").toString();
        }
        if (rendered.rows().isEmpty()) {
            out.append("<p class=\"empty\">None on this page.</p>");
        } else {
            out.append("<table><thead><tr>");
            columns.forEach(column -> out.append("<th>").append(column).append("</th>"));
            out.append("</tr></thead><tbody>").append(rendered.rows()).append("</tbody></table>");
        }
        rendered.next().ifPresent(next -> out.append("<a class=\"next\" href=\"").append(esc(pageUri.apply(Map.of(
                "store", store, "pattern", pattern, id, next)))).append("\">Next page</a>"));
        return out.append("</section>").toString();
    }

    /** A row whose first cell is the (escaped) key and whose other cells are HTML already. */
    private static String row(String key, String... cells) {
        StringBuilder out = new StringBuilder("<tr data-key=\"").append(esc(key)).append("\"><td class=\"key\">")
                .append(esc(key)).append("</td>");
        for (String cell : cells) {
            out.append("<td>").append(cell).append("</td>");
        }
        return out.append("</tr>").toString();
    }

    private static String action(String uri, String label) {
        return "<a class=\"action\" href=\"" + esc(uri) + "\">" + label + "</a>";
    }
}

package org.gogoscope.redis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Every lock grant the nodes of a test got, as their holders saw it: key, owner, fencing token, when it was asked
 * for and answered, and until when the holder believed it held the key (its release, a failed extension, or the
 * end of its validity counted from the request as {@code DefaultLockHandle} does). A live detector notes a grant
 * made while another holder of the key still believes it holds it; afterwards the log is searched for the same
 * overlaps and for tokens that did not grow. Failed calls are kept with their time. Times are
 * {@link System#nanoTime()}.
 */
final class GrantLog {

    /** One grant. */
    static final class Grant {
        final String key;
        final String owner;
        final long token;
        final long sentAt;
        final long repliedAt;
        private volatile long validUntil;
        private volatile long endedAt = Long.MAX_VALUE;

        private Grant(String key, String owner, long token, long sentAt, long repliedAt, long ttlMillis) {
            this.key = key;
            this.owner = owner;
            this.token = token;
            this.sentAt = sentAt;
            this.repliedAt = repliedAt;
            this.validUntil = sentAt + TimeUnit.MILLISECONDS.toNanos(ttlMillis);
        }

        /** Until when the holder believed it held the key. */
        long end() {
            return Math.min(endedAt, validUntil);
        }

        boolean believedAt(long time) {
            return time < end();
        }
    }

    /** A call that threw. */
    record Failure(long at, String operation, String message) {
    }

    private final Queue<Grant> grants = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<Grant>> believed = new ConcurrentHashMap<>();
    private final Queue<String> seenByDetector = new ConcurrentLinkedQueue<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();

    /** Records a grant; the detector reports it if another holder of the key still believes it holds it. */
    Grant granted(String key, String owner, long token, long sentAt, long repliedAt, long ttlMillis) {
        Grant grant = new Grant(key, owner, token, sentAt, repliedAt, ttlMillis);
        Set<Grant> holders = believed.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
        holders.add(grant); // before looking, so that of two grants made at once at least one sees the other
        long now = System.nanoTime();
        for (Grant other : holders) {
            if (other != grant && !other.owner.equals(owner) && other.believedAt(now)) {
                seenByDetector.add(key + ": " + owner + " (token " + token + ") while " + other.owner + " (token "
                        + other.token + ") holds it");
            }
        }
        grants.add(grant);
        return grant;
    }

    /** The holder's extension sent at {@code sentAt} succeeded: it now believes until then + TTL. */
    void extended(Grant grant, long sentAt, long ttlMillis) {
        grant.validUntil = sentAt + TimeUnit.MILLISECONDS.toNanos(ttlMillis);
    }

    /** The holder stops believing it holds the key (before it sends its release, or after a lost extension). */
    void ended(Grant grant) {
        grant.endedAt = Math.min(grant.endedAt, System.nanoTime());
        believed.get(grant.key).remove(grant);
    }

    void failed(String operation, RuntimeException e) {
        failures.add(new Failure(System.nanoTime(), operation, String.valueOf(e.getMessage())));
    }

    List<Grant> grants() {
        return List.copyOf(grants);
    }

    List<Failure> failures() {
        return failures.stream().sorted(Comparator.comparingLong(Failure::at)).toList();
    }

    /** What the live detector saw. */
    List<String> seenByDetector() {
        return List.copyOf(seenByDetector);
    }

    /**
     * Double grants: grants answered while an earlier grant of the same key to another owner was still believed
     * (described relative to {@code origin}).
     */
    List<String> doubleGrants(long origin) {
        List<String> found = new ArrayList<>();
        for (List<Grant> ofKey : byKey().values()) {
            ofKey.sort(Comparator.comparingLong(g -> g.repliedAt));
            Grant longest = null;
            for (Grant grant : ofKey) {
                if (longest != null && !longest.owner.equals(grant.owner) && longest.end() > grant.repliedAt) {
                    found.add(grant.key + ": " + grant.owner + " granted token " + grant.token + " at " + ms(
                            grant.repliedAt, origin) + " while " + longest.owner + " (token " + longest.token
                            + ", granted at " + ms(longest.repliedAt, origin) + ") believed it held it until "
                            + ms(longest.end(), origin));
                }
                if (longest == null || grant.end() > longest.end()) {
                    longest = grant;
                }
            }
        }
        return found;
    }

    /** Token regressions: grants whose token is not greater than that of a grant of the key answered before. */
    List<String> tokenRegressions(long origin) {
        List<String> found = new ArrayList<>();
        for (List<Grant> ofKey : byKey().values()) {
            List<Grant> byReply = new ArrayList<>(ofKey);
            byReply.sort(Comparator.comparingLong(g -> g.repliedAt));
            List<Grant> bySend = new ArrayList<>(ofKey);
            bySend.sort(Comparator.comparingLong(g -> g.sentAt));
            int answered = 0;
            Grant highest = null;
            for (Grant grant : bySend) {
                while (answered < byReply.size() && byReply.get(answered).repliedAt < grant.sentAt) {
                    Grant earlier = byReply.get(answered++);
                    if (highest == null || earlier.token > highest.token) {
                        highest = earlier;
                    }
                }
                if (highest != null && grant.token <= highest.token) {
                    found.add(grant.key + ": token " + grant.token + " at " + ms(grant.repliedAt, origin)
                            + " after token " + highest.token + " at " + ms(highest.repliedAt, origin));
                }
            }
        }
        return found;
    }

    private Map<String, List<Grant>> byKey() {
        return grants.stream().collect(Collectors.groupingBy(g -> g.key, Collectors.toCollection(ArrayList::new)));
    }

    /** {@code time} relative to {@code origin}, e.g. {@code +1234 ms}. */
    static String ms(long time, long origin) {
        long millis = TimeUnit.NANOSECONDS.toMillis(time - origin);
        return (millis >= 0 ? "+" : "") + millis + " ms";
    }
}

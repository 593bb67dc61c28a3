package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Locks through a Sentinel failover ({@link FailoverScenario}: a master, its replica and three sentinels on
 * loopback, three nodes under lock load, {@code kill -9} of the master). With a replica that lags when the master
 * dies, grants it never received are lost on promotion and granted again to another node while their first holder
 * still believes it holds them; with {@code redis.wait-replicas=1} no such grant was ever returned, so nothing is
 * granted twice. Tokens never go back in either (one machine, one clock). The figures are printed (surefire's
 * {@code RedisSentinelFailoverTest-output.txt}); {@code -Dredis.failover.long=true} adds three rounds of each
 * setting with and without a lagging replica and longer phases.
 */
class RedisSentinelFailoverTest {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void withoutWaitingALaggingReplicasGrantsAreLostAndGrantedTwice() throws Exception {
        FailoverScenario.Outcome outcome = FailoverScenario.run(new FailoverScenario.Settings(0, true, 2000, 2000));
        System.out.println(outcome.summary());
        assertThat(outcome.probesGranted()).as("probes granted by the old master").isEqualTo(FailoverScenario.PROBES);
        assertThat(outcome.probesContended()).as("probes granted again after the failover")
                .isEqualTo(FailoverScenario.PROBES);
        assertThat(outcome.doubleGrants()).as("grants lost in the failover and granted again")
                .hasSizeGreaterThanOrEqualTo(FailoverScenario.PROBES);
        assertThat(outcome.log().seenByDetector()).as("double grants seen by the live detector").isNotEmpty();
        assertThat(outcome.tokenRegressions()).as("token regressions").isEmpty();
        assertThat(outcome.grantsAfterKill()).as("grants after the failover").isPositive();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void waitingForTheReplicaNoGrantIsLostSoNoneIsGrantedTwice() throws Exception {
        FailoverScenario.Outcome outcome = FailoverScenario.run(new FailoverScenario.Settings(1, true, 2000, 2000));
        System.out.println(outcome.summary());
        assertThat(outcome.probesGranted()).as("probes granted while the replica lagged").isZero();
        assertThat(outcome.probesContended()).as("probes granted after the failover").isEqualTo(FailoverScenario.PROBES);
        assertThat(outcome.doubleGrants()).as("double grants").isEmpty();
        assertThat(outcome.log().seenByDetector()).as("double grants seen by the live detector").isEmpty();
        assertThat(outcome.tokenRegressions()).as("token regressions").isEmpty();
        assertThat(outcome.grantsAfterKill()).as("grants after the failover").isPositive();
    }

    /** Three rounds of each setting, with and without a lagging replica, 5 s before and 5 s after the failover. */
    @Test
    @EnabledIfSystemProperty(named = "redis.failover.long", matches = "true")
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void longRounds() throws Exception {
        for (int round = 1; round <= 3; round++) {
            for (boolean lagging : new boolean[] {false, true}) {
                for (int wait = 0; wait <= 1; wait++) {
                    FailoverScenario.Outcome outcome = FailoverScenario.run(
                            new FailoverScenario.Settings(wait, lagging, 5000, 5000));
                    System.out.println("round " + round + ": " + outcome.summary());
                    assertThat(outcome.tokenRegressions()).as("token regressions").isEmpty();
                    if (wait > 0) {
                        assertThat(outcome.doubleGrants()).as("double grants").isEmpty();
                    }
                }
            }
        }
    }
}

package io.helidon.microprofile.faulttolerance;

/** Stands in for Helidon's Fault Tolerance interceptor (only its name matters) in {@code HostFaultToleranceTest}. */
public class CommandInterceptor {
}

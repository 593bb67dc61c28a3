package fish.payara.microprofile.faulttolerance.cdi;

/** Stands in for Payara's Fault Tolerance interceptor (only its name matters) in {@code HostFaultToleranceTest}. */
public class FaultToleranceInterceptor {
}

package org.gogoscope.interceptors;

import jakarta.enterprise.context.control.RequestContextController;
import io.smallrye.faulttolerance.internal.RequestContextControllerProvider;

/**
 * Test only: SmallRye Fault Tolerance looks up the request context controller through {@code CDI.current()},
 * which cannot tell two Weld SE containers of one JVM apart. Our "nodes" need no request context, so this
 * (internal SmallRye SPI, ServiceLoader) hands out a controller that does nothing. A real server runs one
 * container per deployment and keeps SmallRye's default.
 */
public class NoRequestContextProvider implements RequestContextControllerProvider {

    @Override
    public RequestContextController get() {
        return new RequestContextController() {
            @Override
            public boolean activate() {
                return false;
            }

            @Override
            public void deactivate() {
                // nothing was activated
            }
        };
    }
}

package org.gogoscope.it.wildfly;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS activation for the two-node orders application. */
@ApplicationPath("api")
public class OrdersApplication extends Application {
}

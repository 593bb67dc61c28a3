package org.gogoscope.demo.service;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS activation: every resource of the demo is under the root of the server. */
@ApplicationPath("/")
public class DemoApplication extends Application {
}

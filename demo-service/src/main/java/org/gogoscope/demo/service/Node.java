package org.gogoscope.demo.service;

import jakarta.enterprise.context.ApplicationScoped;

/** The name of this instance in every answer, so a caller sees which node did what. */
@ApplicationScoped
public class Node {

    /** {@code jboss.node.name} ({@code run.sh} sets {@code node-<http port>}), else the host name WildFly uses. */
    public String name() {
        return System.getProperty("jboss.node.name", "unknown");
    }
}

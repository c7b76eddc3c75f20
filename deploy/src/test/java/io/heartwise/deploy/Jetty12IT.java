package io.heartwise.deploy;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The built WAR, deployed unchanged in Eclipse Jetty 12 with its ee10 environment (Servlet 6.0), from jetty-home. */
class Jetty12IT extends DeployedApiContract {
    @RegisterExtension
    static final ServerProcess SERVER = ServerProcess.jetty("Jetty 12", "deploy.jetty12-home");

    @Override
    ServerProcess server() {
        return SERVER;
    }
}

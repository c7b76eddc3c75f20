package io.heartwise.deploy;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The built WAR, deployed unchanged in Apache Tomcat 10.1 (Servlet 6.0), from its distribution zip. */
class Tomcat10IT extends DeployedApiContract {
    @RegisterExtension
    static final ServerProcess SERVER = ServerProcess.tomcat("Tomcat 10.1", "deploy.tomcat10-home");

    @Override
    ServerProcess server() {
        return SERVER;
    }
}

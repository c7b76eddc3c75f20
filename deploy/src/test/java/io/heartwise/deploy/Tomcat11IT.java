package io.heartwise.deploy;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The built WAR, deployed unchanged in Apache Tomcat 11 (Servlet 6.1), from its distribution zip. */
class Tomcat11IT extends DeployedApiContract {
    @RegisterExtension
    static final ServerProcess SERVER = ServerProcess.tomcat("Tomcat 11", "deploy.tomcat11-home");

    @Override
    ServerProcess server() {
        return SERVER;
    }
}

package com.example.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.heartwise.web.Heartwise;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.junit.jupiter.api.Test;

/** The example starts with the dependencies the README lists, and serves both the host's and Heartwise's endpoints. */
class MainTest {

    @Test
    void theHostStartsWithHeartwiseUnderItsMountPath() throws Exception {
        String dataDir = Files.createTempDirectory("host-example").toString();
        long startedAt = System.nanoTime();
        Heartwise heartwise = Heartwise.start(name -> Optional.ofNullable(Map.of("heartwise.data-dir", dataDir).get(name)));
        long startMillis = (System.nanoTime() - startedAt) / 1_000_000;
        System.out.println("Heartwise.start in the host example: " + startMillis + " ms");
        HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://localhost:0/"), Main.application(heartwise));
        try {
            String base = "http://localhost:" + server.getAddress().getPort() + "/";
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> host = client.send(HttpRequest.newBuilder(URI.create(base + "health")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> lessons = client.send(HttpRequest.newBuilder(URI.create(base + "learning/lessons")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("host ok", host.body());
            assertEquals(200, lessons.statusCode(), lessons.body());
            assertTrue(lessons.body().contains("\"lessons\""), lessons.body());
        } finally {
            server.stop(0);
        }
    }
}

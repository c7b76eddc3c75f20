package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.deploy.EmbeddedServer.Options;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedServerOptionsTest {
    private static final Path DEFAULT_WAR = Path.of("target/heartwise.war");

    @Test
    void defaultsArePort8080AndTheWarNextToTheJar() {
        Options options = Options.parse(new String[0], Map.of(), DEFAULT_WAR);
        assertEquals(new Options(8080, DEFAULT_WAR, Optional.empty(), false, false), options);
    }

    @Test
    void portComesFromTheEnvironmentUnlessGiven() {
        assertEquals(9000, Options.parse(new String[0], Map.of("PORT", "9000"), DEFAULT_WAR).port());
        assertEquals(9001, Options.parse(new String[] {"--port", "9001"}, Map.of("PORT", "9000"), DEFAULT_WAR).port());
        assertEquals(9002, Options.parse(new String[] {"--port=9002"}, Map.of(), DEFAULT_WAR).port());
    }

    @Test
    void warAndStaticDirectoryAreTaken() {
        Options options = Options.parse(new String[] {"--war", "/srv/app.war", "--static-dir", "/srv/files"}, Map.of(), DEFAULT_WAR);
        assertEquals(Path.of("/srv/app.war"), options.war());
        assertEquals(Optional.of(Path.of("/srv/files")), options.staticDir());
    }

    @Test
    void checkIsRecognised() {
        assertTrue(Options.parse(new String[] {"--check"}, Map.of(), DEFAULT_WAR).check());
    }

    @Test
    void helpIsRecognised() {
        assertTrue(Options.parse(new String[] {"--help"}, Map.of(), DEFAULT_WAR).help());
    }

    @Test
    void portThatIsNoNumberIsRejectedWithItsSource() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[0], Map.of("PORT", "http"), DEFAULT_WAR));
        assertEquals("PORT: \"http\" is not a port number", error.getMessage());
    }

    @Test
    void portOutOfRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--port", "70000"}, Map.of(), DEFAULT_WAR));
    }

    @Test
    void optionWithoutValueIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--war"}, Map.of(), DEFAULT_WAR));
        assertEquals("--war needs a value", error.getMessage());
    }

    @Test
    void unknownOptionIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--prot", "80"}, Map.of(), DEFAULT_WAR));
        assertEquals("unknown option --prot", error.getMessage());
    }
}

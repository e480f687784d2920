package se.radhus.meetings.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every Spring context of these tests is given: a store folder of its own, and the test issuer.
 *
 * <p>Spring keeps a test context in its cache until the JVM ends and shares it between test classes alike in
 * configuration, so the store folder must live as long as the context: a JUnit {@code @TempDir} is deleted after
 * its class while the context (its search index, its effect dispatcher) may still write there. The folder is made
 * when the context is, under {@code target/}, and goes with {@code mvn clean}.
 */
final class TestContext {

    private TestContext() {
    }

    static void register(DynamicPropertyRegistry registry) {
        Path folder;
        try {
            folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-stores")), "store-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("radhus.data-dir", folder::toString);
        TestAuth.register(registry);
    }
}

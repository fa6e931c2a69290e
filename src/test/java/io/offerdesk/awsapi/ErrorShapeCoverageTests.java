package io.offerdesk.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.awsapi.internal.AwsService;
import io.offerdesk.awsapi.support.BotocoreConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every error shape a botocore model declares ({@code "exception": true}) is raised through boto3 by a wire test of
 * that service: some {@code assertRaised(..., "<Name>", ...)} call in a class named {@code <Service>*WireTests} (the
 * service's path, capitalized: {@code CatalogWireTests}, {@code CatalogResaleWireTests}). A modeled error no test
 * produces is one whose shape on our wire nobody has seen boto3 parse.
 */
class ErrorShapeCoverageTests {

    static final Path WIRE_TESTS = Path.of("src/test/java/io/offerdesk/awsapi");

    /** An {@code assertRaised} call up to its end, whatever it spans; its string literal names the exception. */
    static final Pattern RAISED = Pattern.compile("assertRaised\\(([^;]*)\\);");

    static final Pattern NAME = Pattern.compile("\"(\\w+)\"");

    @ParameterizedTest
    @EnumSource(AwsService.class)
    void everyModeledErrorIsRaisedThroughBoto3ByAWireTestOfItsService(AwsService service) {
        var modeled = modeledErrors(service);
        var missing = new TreeSet<>(modeled);
        missing.removeAll(raisedInWireTests(service));
        assertThat(missing)
                .as(
                        "modeled errors of %s no %s*WireTests class asserts boto3 raised",
                        service.botocoreName(), prefix(service))
                .isEmpty();
    }

    static Set<String> modeledErrors(AwsService service) {
        var shapes = BotocoreConformance.of(service.botocoreName()).model().at("/shapes");
        return shapes.properties().stream()
                .filter(shape -> shape.getValue().at("/exception").asBoolean(false))
                .map(shape -> shape.getKey())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The exception names of every {@code assertRaised} call in the service's wire test classes. */
    static Set<String> raisedInWireTests(AwsService service) {
        var raised = new TreeSet<String>();
        try (var files = Files.list(WIRE_TESTS)) {
            for (var file : files.filter(f -> {
                        var name = f.getFileName().toString();
                        return name.startsWith(prefix(service)) && name.endsWith("WireTests.java");
                    })
                    .toList()) {
                var calls = RAISED.matcher(Files.readString(file));
                while (calls.find()) {
                    NAME.matcher(calls.group(1)).results().map(m -> m.group(1)).forEach(raised::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return raised;
    }

    static String prefix(AwsService service) {
        return service.path().substring(0, 1).toUpperCase(Locale.ROOT)
                + service.path().substring(1);
    }
}

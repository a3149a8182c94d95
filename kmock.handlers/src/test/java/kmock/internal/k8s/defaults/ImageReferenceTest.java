package kmock.internal.k8s.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tag that decides a container's default pull policy: {@code latest} means {@code Always}. */
class ImageReferenceTest {

    @ParameterizedTest(name = "{0} has tag ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "nginx|latest",
                "nginx:1.27|1.27",
                "nginx:latest|latest",
                "library/nginx|latest",
                "localhost:5000/app|latest",
                "localhost:5000/app:v2|v2",
                "registry.example.com:5000/team/app:v2|v2",
                "ghcr.io/org/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|''",
                "ghcr.io/org/app:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|v1",
                "Nginx|''",
                "nginx:|''",
                "''|''",
            })
    void theTagIsReadAsTheRegistryGrammarSays(String image, String tag) {
        assertEquals(tag, ImageReference.tag(image));
    }
}

package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variant under k8s/ is rendered with {@code kubectl kustomize} and every object parsed with the
 * fabric8 model: an unknown kind or field fails, and so does a container that breaks the house rules.
 */
class KubernetesManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("radhus.root", "..")).toAbsolutePath().normalize();
    static final Set<String> GRPC_SERVICES = Set.of("meetings-service", "finance-service", "procurement-service");

    static Stream<String> variants() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("k8s"))) {
            files.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .filter(p -> !p.startsWith(ROOT.resolve("k8s/components")))
                    .forEach(p -> found.add(ROOT.relativize(p.getParent()).toString()));
        }
        assertTrue(found.size() >= 2, "expected base and overlays under k8s/, found " + found);
        return found.stream().sorted();
    }

    static String render(String variant) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve(variant).toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is not installed (Debian: apt-get install kubernetes-client); .ci/run installs it", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize hung");
        assertEquals(0, p.exitValue(), "kubectl kustomize " + variant + " failed:\n" + out);
        return out;
    }

    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (doc.isBlank()) {
                continue;
            }
            objects.add(Serialization.unmarshal(doc, HasMetadata.class));
        }
        return objects;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyObjectIsAKnownKindWithKnownFields(String variant) throws Exception {
        List<HasMetadata> objects = parse(render(variant));
        assertFalse(objects.isEmpty());
        for (HasMetadata o : objects) {
            String where = variant + ": " + o.getKind() + "/" + o.getMetadata().getName();
            assertFalse(o instanceof GenericKubernetesResource, where + " is not a kind the model knows");
            List<String> unknown = new ArrayList<>();
            unknownFields(o, "", unknown, new IdentityHashMap<>());
            assertTrue(unknown.isEmpty(), where + " has unknown fields " + unknown);
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void workloadsFollowTheHouseRules(String variant) throws Exception {
        List<HasMetadata> objects = parse(render(variant));
        int deployments = 0;
        for (HasMetadata o : objects) {
            PodSpec pod = switch (o) {
                case Deployment d -> d.getSpec().getTemplate().getSpec();
                case StatefulSet s -> s.getSpec().getTemplate().getSpec();
                case Job j -> j.getSpec().getTemplate().getSpec();
                default -> null;
            };
            if (pod == null) {
                continue;
            }
            String name = o.getMetadata().getName();
            assertNotNull(o.getMetadata().getLabels().get("app.kubernetes.io/name"), name + " lacks its name label");
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name + " may run as root");
            for (Container c : pod.getContainers()) {
                assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), name + " root fs writable");
                assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), name);
                assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), name);
                assertNotNull(c.getResources().getRequests().get("memory"), name + " lacks requests");
                assertNotNull(c.getResources().getLimits().get("memory"), name + " lacks limits");
            }
            if (o instanceof Deployment) {
                deployments++;
                Container c = pod.getContainers().get(0);
                List<String> ports = c.getPorts().stream().map(ContainerPort::getName).toList();
                assertTrue(ports.contains("http"), name + " has no port named http");
                if (GRPC_SERVICES.contains(name)) {
                    assertTrue(ports.contains("grpc"), name + " has no port named grpc");
                    assertNotNull(c.getLivenessProbe().getGrpc(), name + " is not probed over gRPC");
                    assertNotNull(c.getStartupProbe().getGrpc(), name + " is not probed over gRPC at start");
                }
                assertNotNull(c.getReadinessProbe(), name + " has no readiness probe");
            }
        }
        assertEquals(6, deployments, variant + " should deploy the gateway, three services, the portal and Keycloak");
        for (String service : List.of("gateway", "meetings-service", "finance-service", "procurement-service", "portal")) {
            assertTrue(objects.stream().anyMatch(o -> o instanceof Service && o.getMetadata().getName().equals(service)),
                    variant + " lacks Service " + service);
            assertTrue(objects.stream().anyMatch(o -> o.getKind().equals("ServiceAccount")
                    && o.getMetadata().getName().equals(service)), variant + " lacks ServiceAccount " + service);
        }
        boolean embedded = objects.stream().filter(o -> o instanceof Deployment d && GRPC_SERVICES.contains(d.getMetadata().getName()))
                .allMatch(d -> env((Deployment) d).get("MONGODB_URI") == null);
        assertEquals(!embedded, objects.stream().anyMatch(o -> o instanceof StatefulSet && o.getMetadata().getName().equals("mongodb")),
                variant + ": MongoDB is deployed exactly when the services use it");
    }

    static PodTemplateSpec templateOf(HasMetadata o) {
        return switch (o) {
            case Deployment d -> d.getSpec().getTemplate();
            case StatefulSet s -> s.getSpec().getTemplate();
            default -> throw new IllegalArgumentException(o.getKind());
        };
    }

    static PodSpec podOf(HasMetadata o) {
        return templateOf(o).getSpec();
    }

    /** The first container's environment, name to value (null for a value from a Secret). */
    static Map<String, String> env(Deployment d) {
        Map<String, String> out = new java.util.HashMap<>();
        d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(e -> out.put(e.getName(), e.getValue()));
        return out;
    }

    /** Collects the paths of every additionalProperties entry in the object graph of a model object. */
    static void unknownFields(Object o, String path, List<String> unknown, Map<Object, Boolean> seen) throws Exception {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = m.invoke(o);
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                }
                continue;
            }
            unknownFields(value, path + "." + m.getName().substring(3), unknown, seen);
        }
    }

    @org.junit.jupiter.api.Test
    void theCheckItselfCatchesAnUnknownFieldAndKind() {
        HasMetadata typo = Serialization.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replica: 2
                """, HasMetadata.class);
        List<String> unknown = new ArrayList<>();
        try {
            unknownFields(typo, "", unknown, new IdentityHashMap<>());
        } catch (Exception e) {
            fail(e);
        }
        assertEquals(List.of(".Spec.replica"), unknown);
        HasMetadata strange = Serialization.unmarshal("""
                apiVersion: example.com/v1
                kind: Gadget
                metadata:
                  name: y
                """, HasMetadata.class);
        assertTrue(strange instanceof GenericKubernetesResource);
    }
}

package se.radhus.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house rules for what runs on a cluster, on every rendered variant under k8s/ (KubernetesManifestsTest
 * renders them and checks kinds and fields against the Kubernetes model): probes with timeouts, resources,
 * the security context, named ports, labels, a PodDisruptionBudget per workload, default-deny
 * NetworkPolicies, graceful shutdown that fits the grace period, JVM flags; and what the production
 * overlay must hold.
 */
class KubernetesPoliciesTest {

    static final Set<String> SERVICES = Set.of("gateway", "meetings-service", "finance-service", "procurement-service", "portal");
    static final Pattern SLEEP = Pattern.compile("sleep ?(\\d+)");

    static Stream<String> variants() throws Exception {
        return KubernetesManifestsTest.variants();
    }

    static List<HasMetadata> rendered(String variant) throws Exception {
        return KubernetesManifestsTest.parse(KubernetesManifestsTest.render(variant));
    }

    /** Every workload's pod template, by workload name (Deployments, StatefulSets, Jobs and CronJobs). */
    static Map<String, PodTemplateSpec> workloads(List<HasMetadata> objects) {
        Map<String, PodTemplateSpec> out = new LinkedHashMap<>();
        for (HasMetadata o : objects) {
            PodTemplateSpec t = switch (o) {
                case Deployment d -> d.getSpec().getTemplate();
                case StatefulSet s -> s.getSpec().getTemplate();
                case Job j -> j.getSpec().getTemplate();
                case CronJob c -> c.getSpec().getJobTemplate().getSpec().getTemplate();
                default -> null;
            };
            if (t != null) {
                out.put(o.getKind() + "/" + o.getMetadata().getName(), t);
            }
        }
        return out;
    }

    static Map<String, String> env(Container c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            out.put(e.getName(), e.getValue());
        }
        return out;
    }

    static List<Container> allContainers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        return all;
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyContainerIsSizedLockedDownAndLabelled(String variant) throws Exception {
        List<HasMetadata> objects = rendered(variant);
        for (HasMetadata o : objects) {
            Map<String, String> labels = o.getMetadata().getLabels();
            assertNotNull(labels, variant + ": " + o.getKind() + "/" + o.getMetadata().getName() + " has no labels");
            if (!o.getKind().equals("Namespace")) {
                assertNotNull(labels.get("app.kubernetes.io/name"), variant + ": " + o.getKind() + "/" + o.getMetadata().getName() + " lacks its name label");
                assertEquals("radhus", labels.get("app.kubernetes.io/part-of"), variant + ": " + o.getKind() + "/" + o.getMetadata().getName());
            }
        }
        for (var w : workloads(objects).entrySet()) {
            PodSpec pod = w.getValue().getSpec();
            String where = variant + ": " + w.getKey();
            assertNotNull(w.getValue().getMetadata().getLabels().get("app.kubernetes.io/name"), where + ": pods lack the name label");
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), where);
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), where);
            assertNotNull(pod.getSecurityContext().getRunAsUser(), where + ": no runAsUser");
            assertFalse(Boolean.TRUE.equals(pod.getAutomountServiceAccountToken()), where + ": mounts a service account token");
            for (Container c : allContainers(pod)) {
                String in = where + "/" + c.getName();
                assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), in);
                assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), in);
                assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), in);
                assertTrue(c.getSecurityContext().getCapabilities().getAdd() == null || c.getSecurityContext().getCapabilities().getAdd().isEmpty(), in);
                for (String r : List.of("cpu", "memory")) {
                    assertNotNull(c.getResources().getRequests().get(r), in + " requests no " + r);
                    assertNotNull(c.getResources().getLimits().get(r), in + " has no " + r + " limit");
                }
                for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
                    assertNotNull(p.getName(), in + ": port " + p.getContainerPort() + " has no name");
                }
                String image = c.getImage();
                assertTrue(image.startsWith("localhost/") || image.substring(0, image.indexOf('/') < 0 ? 0 : image.indexOf('/')).contains("."),
                        in + ": image " + image + " names no registry (it would come from Docker Hub)");
            }
        }
        for (HasMetadata o : objects) {
            if (o instanceof Service s) {
                for (ServicePort p : s.getSpec().getPorts()) {
                    assertNotNull(p.getName(), variant + ": Service " + s.getMetadata().getName() + " has an unnamed port");
                    assertNotNull(p.getTargetPort().getStrVal(), variant + ": Service " + s.getMetadata().getName() + " targets a port by number");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void longRunningContainersAreProbedWithTimeoutsAndShutDownGracefully(String variant) throws Exception {
        for (HasMetadata o : rendered(variant)) {
            if (!(o instanceof Deployment) && !(o instanceof StatefulSet)) {
                continue;
            }
            PodSpec pod = KubernetesManifestsTest.podOf(o);
            for (Container c : pod.getContainers()) {
                String where = variant + ": " + o.getKind() + "/" + o.getMetadata().getName() + "/" + c.getName();
                for (Probe p : new Probe[] {c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe()}) {
                    assertNotNull(p, where + " lacks a readiness, liveness or startup probe");
                    if (p.getExec() != null) {
                        assertNotNull(p.getTimeoutSeconds(), where + ": an exec probe without a timeout (the default, 1 s, kills a busy mongosh)");
                    }
                }
                if (o instanceof Deployment) {
                    assertNotNull(c.getLifecycle(), where + " has no preStop pause");
                    String preStop = String.join(" ", c.getLifecycle().getPreStop().getExec().getCommand());
                    Matcher m = SLEEP.matcher(preStop);
                    assertTrue(m.find(), where + ": preStop is not a pause: " + preStop);
                    long pause = Long.parseLong(m.group(1));
                    long shutdown = shutdownSeconds(c);
                    long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
                    assertTrue(pause + shutdown < grace, where + ": preStop " + pause + " s + shutdown " + shutdown + " s is not within the grace period " + grace + " s");
                    assertNotNull(pod.getTopologySpreadConstraints(), where + " does not spread over nodes");
                    assertTrue(pod.getTopologySpreadConstraints().stream().anyMatch(t -> t.getTopologyKey().equals("kubernetes.io/hostname")), where);
                }
                if (SERVICES.contains(o.getMetadata().getName())) {
                    String jvm = env(c).getOrDefault("JAVA_TOOL_OPTIONS", "");
                    assertTrue(jvm.contains("-XX:MaxRAMPercentage=") && jvm.contains("-XX:+UseG1GC"), where + ": JVM flags " + jvm);
                }
            }
        }
    }

    /** The service's graceful shutdown timeout (SHUTDOWN_TIMEOUT, Keycloak's KC_SHUTDOWN_TIMEOUT; 20 s when unset, the services' default). */
    static long shutdownSeconds(Container c) {
        Map<String, String> env = env(c);
        String t = Objects.requireNonNullElse(env.getOrDefault("SHUTDOWN_TIMEOUT", env.get("KC_SHUTDOWN_TIMEOUT")), "20s");
        assertTrue(t.matches("\\d+s"), "a shutdown timeout in seconds: " + t);
        return Long.parseLong(t.substring(0, t.length() - 1));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyWorkloadHasADisruptionBudgetAndEveryNamespaceDeniesByDefault(String variant) throws Exception {
        List<HasMetadata> objects = rendered(variant);
        List<PodDisruptionBudget> budgets = objects.stream().filter(PodDisruptionBudget.class::isInstance).map(PodDisruptionBudget.class::cast).toList();
        List<NetworkPolicy> policies = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList();
        NetworkPolicy deny = policies.stream().filter(p -> p.getSpec().getPodSelector().getMatchLabels() == null
                        || p.getSpec().getPodSelector().getMatchLabels().isEmpty())
                .filter(p -> p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty())
                        && (p.getSpec().getEgress() == null || p.getSpec().getEgress().isEmpty()))
                .findFirst().orElse(null);
        assertNotNull(deny, variant + ": no default-deny NetworkPolicy (all pods, Ingress and Egress, nothing allowed)");
        assertTrue(policies.stream().anyMatch(p -> p.getSpec().getEgress() != null && p.getSpec().getEgress().stream()
                .anyMatch(e -> e.getPorts() != null && e.getPorts().stream().anyMatch(port -> Integer.valueOf(53).equals(port.getPort().getIntVal())))),
                variant + ": no policy lets pods ask DNS");
        for (HasMetadata o : objects) {
            if (!(o instanceof Deployment) && !(o instanceof StatefulSet)) {
                continue;
            }
            Map<String, String> labels = KubernetesManifestsTest.templateOf(o).getMetadata().getLabels();
            String where = variant + ": " + o.getKind() + "/" + o.getMetadata().getName();
            assertTrue(budgets.stream().anyMatch(b -> selects(b.getSpec().getSelector().getMatchLabels(), labels)), where + " has no PodDisruptionBudget");
            assertTrue(policies.stream().anyMatch(p -> selects(p.getSpec().getPodSelector().getMatchLabels(), labels)
                    && p.getSpec().getIngress() != null && !p.getSpec().getIngress().isEmpty()), where + ": no NetworkPolicy lets anything reach it");
        }
    }

    @Test
    void theBaseHoldsNoSecret() throws Exception {
        for (HasMetadata o : rendered("k8s/base")) {
            assertFalse(o instanceof Secret, "the base renders a Secret: " + o.getMetadata().getName());
            if (o instanceof Deployment || o instanceof StatefulSet || o instanceof Job || o instanceof CronJob) {
                for (Container c : allContainers(workloads(List.of(o)).values().iterator().next().getSpec())) {
                    for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                        if (e.getName().matches(".*(PASSWORD|SECRET|_KEY)$")) {
                            assertNotNull(e.getValueFrom(), o.getMetadata().getName() + ": " + e.getName() + " is written in the manifest, not taken from a Secret");
                        }
                    }
                }
            }
        }
    }

    @Test
    void productionHoldsWhatAClusterNeeds() throws Exception {
        List<HasMetadata> objects = rendered("k8s/overlays/production");
        assertTrue(objects.stream().filter(NetworkPolicy.class::isInstance).count() >= 5, "NetworkPolicies");
        assertTrue(objects.stream().filter(PodDisruptionBudget.class::isInstance).count() >= 7, "a PDB per workload");
        HorizontalPodAutoscaler hpa = objects.stream().filter(HorizontalPodAutoscaler.class::isInstance).map(HorizontalPodAutoscaler.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no HPA"));
        assertEquals("gateway", hpa.getSpec().getScaleTargetRef().getName());
        Deployment gateway = deployment(objects, "gateway");
        assertEquals(null, gateway.getSpec().getReplicas(), "the HPA, not the Deployment, sets the gateway's replicas");
        Ingress ingress = objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no Ingress"));
        List<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream()).toList();
        List<String> backends = ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream())
                .map(p -> p.getBackend().getService().getName()).distinct().toList();
        assertTrue(backends.containsAll(List.of("gateway", "keycloak")), "the Ingress routes to " + backends);
        ingress.getSpec().getRules().forEach(r -> assertTrue(tlsHosts.contains(r.getHost()), r.getHost() + " has no TLS"));

        Deployment keycloak = deployment(objects, "keycloak");
        Container kc = keycloak.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(List.of("start", "--optimized", "--import-realm"), kc.getArgs());
        assertEquals(2, keycloak.getSpec().getReplicas());
        assertTrue(env(kc).containsKey("KC_DB_URL"), "Keycloak on a real database");
        assertTrue(env(kc).get("KC_HOSTNAME").startsWith("https://"), "Keycloak's public hostname");
        assertFalse(kc.getImage().contains("dev-file"), kc.getImage());

        for (String service : List.of("meetings-service", "finance-service", "procurement-service")) {
            Container c = deployment(objects, service).getSpec().getTemplate().getSpec().getContainers().get(0);
            String short_ = service.substring(0, service.indexOf('-'));
            String uri = env(c).get("MONGODB_URI");
            assertTrue(uri.startsWith("mongodb://" + short_ + ":$(MONGODB_PASSWORD)@") && uri.contains("authSource=radhus-" + short_),
                    service + " uses its own MongoDB user: " + uri);
            assertEquals(env(kc).get("KC_HOSTNAME") + "/realms/radhus", env(c).get("RADHUS_ISSUER"), service);
        }
        Map<String, String> gatewayEnv = env(gateway.getSpec().getTemplate().getSpec().getContainers().get(0));
        assertTrue(gatewayEnv.get("CORS_ORIGINS").startsWith("https://"));
        assertNotNull(gatewayEnv.get("TRUSTED_PROXIES"), "the gateway trusts X-Forwarded-For from the Ingress controller only");
        assertNotNull(env(kc).get("KC_PROXY_TRUSTED_ADDRESSES"), "Keycloak trusts forwarded headers from the Ingress controller only");

        Container meetings = deployment(objects, "meetings-service").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(meetings.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals(env(meetings).get("RADHUS_DATA_DIR"))),
                "meetings-service's data folder (its search index) is a volume");

        // the portal: two replicas behind the gateway, never an Ingress backend of its own; it reads the API in
        // the cluster (the gateway's Service), not through the Ingress's public address
        Deployment portal = deployment(objects, "portal");
        assertTrue(portal.getSpec().getReplicas() >= 2, "the portal keeps a replica through a drain (PDB minAvailable 1)");
        assertFalse(backends.contains("portal"), "the portal is reached through the gateway only, not an Ingress backend: " + backends);
        String apiUrl = env(portal.getSpec().getTemplate().getSpec().getContainers().get(0)).get("RADHUS_API_URL");
        assertEquals("gateway", URI.create(apiUrl).getHost(), "the portal reads the API through the gateway's Service: " + apiUrl);
        // every absolute link the API writes (feeds, OParl, OCDS, the OpenAPI document) names the public address
        String publicHost = ingress.getSpec().getRules().stream().filter(r -> r.getHttp().getPaths().stream()
                .anyMatch(p -> p.getBackend().getService().getName().equals("gateway"))).findFirst().orElseThrow().getHost();
        for (String service : List.of("gateway", "meetings-service", "procurement-service")) {
            assertEquals("https://" + publicHost, env(deployment(objects, service).getSpec().getTemplate().getSpec().getContainers().get(0))
                    .get("PUBLIC_BASE_URL"), service + "'s PUBLIC_BASE_URL");
        }
    }

    /** The gateway routes the pages to the portal's Service and the portal reads the API from the gateway's Service, each URL naming a Service that selects the other's pods on the port it listens on. */
    @ParameterizedTest
    @MethodSource("variants")
    void theGatewayAndThePortalReachEachOtherThroughTheirServices(String variant) throws Exception {
        List<HasMetadata> objects = rendered(variant);
        Deployment gateway = deployment(objects, "gateway");
        Deployment portal = deployment(objects, "portal");
        Container portalContainer = portal.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertServiceReaches(objects, env(gateway.getSpec().getTemplate().getSpec().getContainers().get(0)).get("PORTAL_URL"), portal, variant + ": the gateway's PORTAL_URL");
        assertServiceReaches(objects, env(portalContainer).get("RADHUS_API_URL"), gateway, variant + ": the portal's RADHUS_API_URL");
        assertEquals("0.0.0.0", env(portalContainer).get("BIND_ADDRESS"), variant + ": the portal listens on the pod's interfaces");
        int http = portalContainer.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow().getContainerPort();
        assertEquals(String.valueOf(http), env(portalContainer).get("HTTP_PORT"), variant + ": the portal's HTTP_PORT is its port http");
    }

    static void assertServiceReaches(List<HasMetadata> objects, String url, Deployment target, String what) {
        assertNotNull(url, what + " is not set");
        URI uri = URI.create(url);
        Service service = objects.stream().filter(o -> o instanceof Service && o.getMetadata().getName().equals(uri.getHost()))
                .map(Service.class::cast).findFirst().orElseThrow(() -> new AssertionError(what + " " + url + " names no Service"));
        Map<String, String> labels = target.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(selects(service.getSpec().getSelector(), labels), what + ": Service " + uri.getHost() + " does not select " + target.getMetadata().getName());
        ServicePort port = service.getSpec().getPorts().stream().filter(p -> p.getPort() == uri.getPort()).findFirst()
                .orElseThrow(() -> new AssertionError(what + " " + url + ": Service " + uri.getHost() + " has no port " + uri.getPort()));
        assertTrue(target.getSpec().getTemplate().getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .anyMatch(p -> port.getTargetPort().getStrVal().equals(p.getName())), what + ": port " + uri.getPort() + " targets no port of " + target.getMetadata().getName());
    }

    // --- what the NetworkPolicies let through ---------------------------------------------------------------

    /** A pod that may send or take a connection: a workload's pods in the variant's namespace, or a pod elsewhere. */
    record Pod(String name, String namespace, Map<String, String> labels) {
    }

    /**
     * Whether the policies let {@code from} open a TCP connection to {@code to} on {@code port}, as Kubernetes
     * decides it: the policies that select the receiving pod for Ingress must admit it in one rule (no such policy:
     * admitted), and those that select the sender for Egress must let it out in one rule. Only the policies' own
     * namespace is governed here; pods elsewhere are unrestricted on their side. An ipBlock is taken to match
     * every pod (more than a cluster might, so the answer errs towards "reached"). Selectors by matchLabels only.
     */
    static boolean allowed(List<NetworkPolicy> policies, String namespace, Pod from, Pod to, int port) {
        boolean in = !to.namespace().equals(namespace) || admits(policies, namespace, to, "Ingress", from, port);
        boolean out = !from.namespace().equals(namespace) || admits(policies, namespace, from, "Egress", to, port);
        return in && out;
    }

    static boolean admits(List<NetworkPolicy> policies, String namespace, Pod subject, String type, Pod peer, int port) {
        List<NetworkPolicy> governing = policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains(type) && matches(p.getSpec().getPodSelector(), subject.labels())).toList();
        if (governing.isEmpty()) {
            return true;
        }
        for (NetworkPolicy p : governing) {
            if (type.equals("Ingress")) {
                for (var rule : p.getSpec().getIngress() == null ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of() : p.getSpec().getIngress()) {
                    if (peers(rule.getFrom(), namespace, peer) && ports(rule.getPorts(), port)) {
                        return true;
                    }
                }
            } else {
                for (var rule : p.getSpec().getEgress() == null ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of() : p.getSpec().getEgress()) {
                    if (peers(rule.getTo(), namespace, peer) && ports(rule.getPorts(), port)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean peers(List<NetworkPolicyPeer> peers, String namespace, Pod pod) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer p : peers) {
            if (p.getIpBlock() != null) {
                return true;
            }
            boolean ns = p.getNamespaceSelector() == null ? pod.namespace().equals(namespace)
                    : matches(p.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", pod.namespace()));
            boolean labels = p.getPodSelector() == null || matches(p.getPodSelector(), pod.labels());
            if ((p.getNamespaceSelector() != null || p.getPodSelector() != null) && ns && labels) {
                return true;
            }
        }
        return false;
    }

    static boolean ports(List<NetworkPolicyPort> ports, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            if (p.getProtocol() != null && !p.getProtocol().equals("TCP")) {
                continue;
            }
            if (p.getPort() == null) {
                return true;
            }
            assertNotNull(p.getPort().getIntVal(), "a policy names port " + p.getPort().getStrVal() + " by name: this model knows numbers only");
            int low = p.getPort().getIntVal();
            int high = p.getEndPort() == null ? low : p.getEndPort();
            if (port >= low && port <= high) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(),
                "a selector with matchExpressions: this model knows matchLabels only");
        return selector.getMatchLabels() == null || selector.getMatchLabels().entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** Who may connect to the portal, and where the portal may connect to: every workload of the variant, the Ingress controller, the scraper, DNS and a pod of another namespace, on every port a policy or a container names. */
    @ParameterizedTest
    @MethodSource("variants")
    void onlyTheGatewayReachesThePortalAndThePortalOnlyTheGatewayAndDns(String variant) throws Exception {
        List<HasMetadata> objects = rendered(variant);
        List<NetworkPolicy> policies = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList();
        String namespace = Objects.requireNonNullElse(policies.getFirst().getMetadata().getNamespace(), "default");
        List<Pod> pods = new ArrayList<>();
        Map<String, Set<Integer>> listens = new LinkedHashMap<>();
        for (var w : workloads(objects).entrySet()) {
            Pod pod = new Pod(w.getKey(), namespace, w.getValue().getMetadata().getLabels());
            pods.add(pod);
            Set<Integer> own = new TreeSet<>();
            w.getValue().getSpec().getContainers().forEach(c -> (c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()).forEach(p -> own.add(p.getContainerPort())));
            listens.put(pod.name(), own);
        }
        Pod ingressController = new Pod("ingress-nginx", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Pod scraper = new Pod("monitoring", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Pod dns = new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));
        Pod stranger = new Pod("elsewhere", "elsewhere", Map.of());
        List<Pod> outside = List.of(ingressController, scraper, dns, stranger);
        Set<Integer> everyPort = new TreeSet<>(List.of(53, 80, 443));
        listens.values().forEach(everyPort::addAll);
        policies.forEach(p -> {
            (p.getSpec().getIngress() == null ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of() : p.getSpec().getIngress())
                    .forEach(r -> (r.getPorts() == null ? List.<NetworkPolicyPort>of() : r.getPorts()).forEach(port -> everyPort.add(port.getPort().getIntVal())));
            (p.getSpec().getEgress() == null ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of() : p.getSpec().getEgress())
                    .forEach(r -> (r.getPorts() == null ? List.<NetworkPolicyPort>of() : r.getPorts()).forEach(port -> everyPort.add(port.getPort().getIntVal())));
        });
        Pod portal = pods.stream().filter(p -> p.name().equals("Deployment/portal")).findFirst().orElseThrow(() -> new AssertionError(variant + ": no portal"));
        Pod gateway = pods.stream().filter(p -> p.name().equals("Deployment/gateway")).findFirst().orElseThrow();

        // the model itself admits what the policies allow elsewhere and refuses a stranger
        assertTrue(allowed(policies, namespace, ingressController, gateway, 8080), variant + ": the model lets the Ingress controller reach the gateway");
        assertFalse(allowed(policies, namespace, stranger, gateway, 8080), variant + ": the model lets a pod of another namespace reach the gateway");
        assertFalse(allowed(policies, namespace, gateway, gateway, 8080), variant + ": the model lets the gateway reach itself");

        Set<String> in = new TreeSet<>();
        for (Pod from : concat(pods, outside)) {
            for (int port : everyPort) {
                if (!from.equals(portal) && allowed(policies, namespace, from, portal, port)) {
                    in.add(from.name() + " → portal:" + port);
                }
            }
        }
        assertEquals(Set.of("Deployment/gateway → portal:8084"), in,
                variant + ": what reaches the portal");
        assertEquals(Set.of(8084), listens.get(portal.name()), variant + ": the portal's ports");

        Set<String> out = new TreeSet<>();
        for (Pod to : concat(pods, outside)) {
            for (int port : to.namespace().equals(namespace) ? listens.get(to.name()) : everyPort) {
                if (!to.equals(portal) && allowed(policies, namespace, portal, to, port)) {
                    out.add("portal → " + to.name() + ":" + port);
                }
            }
        }
        assertEquals(Set.of("portal → Deployment/gateway:8080", "portal → kube-dns:53"), out, variant + ": where the portal may connect");
    }

    static List<Pod> concat(List<Pod> a, List<Pod> b) {
        List<Pod> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void mongodbGetsItsKeyfileAsOnlyItMayReadItAndEachServiceItsOwnUser() throws Exception {
        List<HasMetadata> objects = rendered("k8s/overlays/production");
        StatefulSet mongodb = objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast).findFirst().orElseThrow();
        PodSpec pod = mongodb.getSpec().getTemplate().getSpec();
        Container init = pod.getInitContainers().stream().filter(c -> c.getName().equals("keyfile")).findFirst()
                .orElseThrow(() -> new AssertionError("no init container writes the keyfile"));
        assertTrue(String.join(" ", init.getCommand()).contains("install -m 0400"), String.join(" ", init.getCommand()));
        Container mongod = pod.getContainers().get(0);
        String keyfileVolume = mongod.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/etc/mongodb-keyfile")).findFirst().orElseThrow().getName();
        assertNotNull(pod.getVolumes().stream().filter(v -> v.getName().equals(keyfileVolume)).findFirst().orElseThrow().getEmptyDir(),
                "mongod reads the keyfile the init container wrote, not the Secret volume (0440 with fsGroup)");
        assertNotNull(pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(), "one member per node");
        for (Probe p : List.of(mongod.getReadinessProbe(), mongod.getLivenessProbe(), mongod.getStartupProbe())) {
            assertTrue(p.getTimeoutSeconds() != null && p.getTimeoutSeconds() >= 5, "mongosh probes need real timeouts");
        }
        Job initJob = objects.stream().filter(Job.class::isInstance).map(Job.class::cast).findFirst().orElseThrow();
        String script = String.join(" ", initJob.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand());
        for (String s : List.of("meetings", "finance", "procurement")) {
            assertTrue(script.contains("user('radhus-" + s + "', '" + s + "', process.env." + s.toUpperCase() + "_PASSWORD, [{role: 'readWrite', db: 'radhus-" + s + "'}])"),
                    s + " has readWrite on its own database only: " + script);
        }
        CronJob backup = objects.stream().filter(CronJob.class::isInstance).map(CronJob.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no backup CronJob"));
        Container dump = backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(String.join(" ", dump.getCommand()).contains("mongodump") && String.join(" ", dump.getCommand()).contains("--oplog"));
        assertTrue(dump.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/backup")));
    }

    static Deployment deployment(List<HasMetadata> objects, String name) {
        return objects.stream().filter(o -> o instanceof Deployment && o.getMetadata().getName().equals(name)).map(Deployment.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment " + name));
    }
}

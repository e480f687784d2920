package se.radhus.common.security;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Service-to-service identity on gRPC. A calling service carries a service token (role {@code service},
 * its name as client or subject) in {@code authorization}; a serving service accepts each method only
 * from the peers named for it, checking the token with the same {@link TokenVerifier} as HTTP, whose
 * audience is the called service. Health stays open for probes.
 */
public final class ServiceIdentity {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServiceIdentity.class);
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private ServiceIdentity() {
    }

    /**
     * Fetches and caches this service's token: from the development issuer (a JSON request naming the
     * service) or, with a client secret, from an OAuth2 token endpoint by client credentials (Keycloak).
     */
    public static final class Tokens {
        private final String service;
        private final URI endpoint;
        private final String clientSecret;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private volatile String token;
        private volatile long refreshAt;

        public Tokens(String service, String endpoint, String clientSecret) {
            this.service = service;
            this.endpoint = URI.create(endpoint);
            this.clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
        }

        /** Forgets the token (a peer refused it), so that the next call fetches a new one. */
        public void invalidate() {
            refreshAt = 0;
        }

        /** The current token, fetched again a minute before it expires; null when the issuer cannot be reached. */
        public String get() {
            if (token == null || System.currentTimeMillis() > refreshAt) {
                fetch();
            }
            return token;
        }

        private synchronized void fetch() {
            if (token != null && System.currentTimeMillis() <= refreshAt) {
                return;
            }
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(3));
                if (clientSecret != null) {
                    String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(service, StandardCharsets.UTF_8)
                            + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
                    b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
                } else {
                    b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            new Document("subject", service).append("roles", java.util.List.of("service")).toJson()));
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    Document d = Document.parse(r.body());
                    token = d.getString("access_token");
                    long ttl = d.get("expires_in", Number.class) == null ? 300 : d.get("expires_in", Number.class).longValue();
                    refreshAt = System.currentTimeMillis() + Math.max(10, ttl - 60) * 1000;
                }
            } catch (java.io.IOException e) {
                // not reachable now: the call goes out without a token and is refused; the caller retries
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Puts the service's token on every outgoing call; a refusal of it makes the next call fetch a new one. */
    public static ClientInterceptor bearer(Tokens tokens) {
        return new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<A> listener, Metadata headers) {
                        String t = tokens.get();
                        if (t != null) {
                            headers.put(AUTHORIZATION, "Bearer " + t);
                        }
                        super.start(new io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                            @Override
                            public void onClose(Status status, Metadata trailers) {
                                if (status.getCode() == Status.Code.UNAUTHENTICATED) {
                                    tokens.invalidate();
                                }
                                super.onClose(status, trailers);
                            }
                        }, headers);
                    }
                };
            }
        };
    }

    /** The token of an {@code Authorization: Bearer …} value; null when there is none. */
    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String t = authorization.substring(7).strip();
        return t.isEmpty() ? null : t;
    }

    /** Told of every accepted call: who called which method. */
    public interface CallLog {
        void accepted(Principal caller, String fullMethodName);
    }

    /**
     * Accepts gRPC methods only from the peers named for them.
     *
     * @param callers per full method name ({@code radhus.finance.v1.FinanceService/CommitFunds}) or, for all
     *                its methods, per gRPC service name, the services allowed; a method's own entry wins
     */
    public static ServerInterceptor requireCallers(TokenVerifier verifier, Map<String, Set<String>> callers) {
        return requireCallers(verifier, callers, (who, method) -> { });
    }

    public static ServerInterceptor requireCallers(TokenVerifier verifier, Map<String, Set<String>> callers, CallLog log) {
        return new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
                String service = call.getMethodDescriptor().getServiceName();
                String method = call.getMethodDescriptor().getFullMethodName();
                Set<String> allowed = callers.containsKey(method) ? callers.get(method) : callers.get(service);
                if (allowed == null) {
                    return next.startCall(call, headers); // health, reflection
                }
                String token = bearer(headers.get(AUTHORIZATION));
                Principal who;
                try {
                    who = token == null ? Principal.ANONYMOUS : verifier.verify(token);
                } catch (InvalidToken e) {
                    LOG.info("refused gRPC call {}: the service token is not valid ({})", method, e.getMessage());
                    call.close(Status.UNAUTHENTICATED.withDescription("the service token is not valid"), new Metadata());
                    return new ServerCall.Listener<>() { };
                }
                if (who.service() == null) {
                    LOG.info("refused gRPC call {}: no service token", method);
                    call.close(Status.UNAUTHENTICATED.withDescription("a service token is required"), new Metadata());
                    return new ServerCall.Listener<>() { };
                }
                if (!allowed.contains(who.service())) {
                    LOG.info("refused gRPC call {} from {}", method, who.service());
                    call.close(Status.PERMISSION_DENIED.withDescription(who.service() + " may not call " + method), new Metadata());
                    return new ServerCall.Listener<>() { };
                }
                log.accepted(who, method);
                return next.startCall(call, headers);
            }
        };
    }
}

package se.radhus.micronaut;

import com.mongodb.MongoWriteException;
import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;
import org.bson.Document;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.security.Principal;

/**
 * The {@code Idempotency-Key} of HTTP writes, one implementation for every route that takes one. A key
 * belongs to its caller (the token's subject): two callers' same key are two requests. The first request
 * with a key binds it to what it asked (method, path and body): the same again returns the first answer
 * and does nothing more; anything else with that key is {@code 409 idempotency-key-reused}. A refused
 * request (400, 409, 503 …) leaves its key free. A request whose first attempt did not answer (the
 * service died) runs again: what it writes is keyed by the {@linkplain Claim#id() request's id} — its
 * ledger keys, the ids it assigns — and the ledger remembers what each key was for, so a retry never does
 * it twice and a different request can never finish it.
 *
 * <p>One document per caller and key in {@code idempotency_keys}: its id is a hash of both, so neither the
 * key nor who sent it is stored.
 */
@Singleton
public class IdempotentRequests {

    /** The longest key taken. */
    public static final int MAX_KEY_LENGTH = 200;

    private final MongoCollection<Document> keys;
    private final ObjectMapper json;

    public IdempotentRequests(MongoDatabase database, ObjectMapper json) {
        this.keys = database.getCollection("idempotency_keys");
        this.json = json;
    }

    /**
     * A request under its key.
     *
     * @param id 64 hex digits, the same for every retry of the request by its caller; what it writes is keyed by it
     */
    public record Claim(String id) {

        /** An id for a record the request creates: {@code prefix} and 16 hex digits, the same on every retry. */
        public String recordId(String prefix) {
            return prefix + id.substring(0, 16);
        }
    }

    /**
     * Runs {@code action} once for the caller's key: the first time, and again only while no answer is
     * recorded; afterwards every retry gets the recorded answer (status, body, Location).
     *
     * @param body the request as bound (its JSON is what a retry must repeat)
     */
    public MutableHttpResponse<?> once(HttpRequest<?> request, String key, Object body,
                                       Function<Claim, MutableHttpResponse<?>> action) {
        Claim claim = new Claim(hash("caller", subject(request), requireKey(key)));
        String fingerprint = hash(request.getMethodName(), request.getPath(), body == null ? "" : write(body));
        Document held = keys.find(Filters.eq("_id", claim.id())).first();
        if (held == null) {
            try {
                keys.insertOne(new Document("_id", claim.id()).append("fingerprint", fingerprint)
                        .append("createdAt", Instant.now().toString()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // the same key at the same moment: what it is bound to decides
                held = keys.find(Filters.eq("_id", claim.id())).first();
            }
        }
        if (held != null) {
            if (!fingerprint.equals(held.getString("fingerprint"))) {
                throw new ProblemException(Problem.conflict("idempotency-key-reused", "Idempotency-Key reused",
                        "The Idempotency-Key " + key + " was sent with a different request (method, path or body); a key"
                                + " names one request. Send this one with a new key."));
            }
            Document answer = held.get("answer", Document.class);
            if (answer != null) {
                return replay(answer);
            }
        }
        MutableHttpResponse<?> response;
        try {
            response = action.apply(claim);
        } catch (RuntimeException refused) {
            // refused (bad input, a rule, a peer down): the key is free again. What the request may have
            // written is keyed by the claim, and its ledger keys remember what they were for.
            keys.deleteOne(Filters.and(Filters.eq("_id", claim.id()), Filters.eq("fingerprint", fingerprint),
                    Filters.exists("answer", false)));
            throw refused;
        }
        Document answer = new Document("status", response.code())
                .append("body", response.getBody().map(this::write).orElse(null))
                .append("location", response.getHeaders().get(HttpHeaders.LOCATION));
        keys.updateOne(Filters.and(Filters.eq("_id", claim.id()), Filters.exists("answer", false)), Updates.set("answer", answer));
        return response;
    }

    private MutableHttpResponse<?> replay(Document answer) {
        MutableHttpResponse<Object> r = HttpResponse.status(HttpStatus.valueOf(answer.getInteger("status")));
        String body = answer.getString("body");
        if (body != null) {
            try {
                r.contentType(MediaType.APPLICATION_JSON_TYPE).body(json.readValue(body, JsonNode.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String location = answer.getString("location");
        if (location != null) {
            r.header(HttpHeaders.LOCATION, location);
        }
        return r;
    }

    /** The key, or 400 naming the header. */
    public static String requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInput("Idempotency-Key", "a header of 1-" + MAX_KEY_LENGTH + " characters naming this request,"
                    + " so that a retry does not write twice");
        }
        return key;
    }

    private static String subject(HttpRequest<?> request) {
        Principal who = Callers.principal(request);
        return who.anonymous() ? "" : who.subject();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

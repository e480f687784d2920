package se.radhus.micronaut;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.DecisionRef;

/**
 * Records marked for review because the decision that made them was annulled by a final judgment
 * (laglighetsprövning). Nothing is undone: the mark says which decision fell, and why, for an official to
 * act on. One document per record in {@code reviews}; marking again keeps the first mark.
 */
@Singleton
public class Reviews {

    private final MongoCollection<Document> reviews;

    public Reviews(MongoDatabase database) {
        this.reviews = database.getCollection("reviews");
    }

    /** Marks each id this service holds ({@code held}); @return the ids marked (now or before) */
    public List<String> flag(List<String> ids, Predicate<String> held, DecisionRef decision, String reason) {
        List<String> flagged = new ArrayList<>();
        for (String id : ids) {
            if (id == null || id.isBlank() || !held.test(id)) {
                continue;
            }
            if (reviews.find(Filters.eq("_id", id)).first() == null) {
                Document d = new Document("_id", id).append("reason", reason).append("flaggedAt", Instant.now().toString());
                if (decision != null) {
                    d.append("decision", new Document("bodyId", decision.bodyId())
                            .append("meetingDate", decision.meetingDate() == null ? null : decision.meetingDate().toString())
                            .append("paragraph", decision.paragraph()));
                }
                reviews.replaceOne(Filters.eq("_id", id), d, new ReplaceOptions().upsert(true));
            }
            flagged.add(id);
        }
        return flagged;
    }

    /** The mark on a record, if it has one. */
    public java.util.Optional<Map<String, Object>> of(String id) {
        Document d = reviews.find(Filters.eq("_id", id)).first();
        if (d == null) {
            return java.util.Optional.empty();
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", d.getString("_id"));
        out.put("reason", d.getString("reason"));
        out.put("flaggedAt", d.getString("flaggedAt"));
        if (d.get("decision") instanceof Document decision) {
            out.put("decision", new java.util.LinkedHashMap<>(decision));
        }
        return java.util.Optional.of(out);
    }

    /** {@code GET <radhus.review-path>/{id}/review}: the mark on a record, 404 when it has none. */
    @Controller("${radhus.review-path}")
    @Requires(property = "radhus.review-path")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public static class Endpoint {
        private final Reviews reviews;

        public Endpoint(Reviews reviews) {
            this.reviews = reviews;
        }

        @Get("/{id}/review")
        public Map<String, Object> review(@PathVariable String id) {
            return reviews.of(id).orElseThrow(() -> new ProblemException(Problem.notFound(
                    id + " is not marked for review: no decision it rests on has been annulled.")));
        }
    }
}

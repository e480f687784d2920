package se.radhus.finance.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import se.radhus.common.api.Problem;
import se.radhus.common.api.ProblemException;
import se.radhus.common.domain.InvalidInput;
import se.radhus.finance.domain.Budget;
import se.radhus.finance.store.BudgetStore;
import se.radhus.micronaut.MoneyJson;

/** The budget of a year: {@code GET/PUT /api/budget/{year}}; locked once adopted. */
@Secured(SecurityRule.IS_ANONYMOUS) // reads are public; each write below names its roles
@Controller("/api/budget")
public class BudgetController {

    private final BudgetStore store;

    public BudgetController(BudgetStore store) {
        this.store = store;
    }

    /** A frame in JSON. */
    @Serdeable
    public record FrameJson(String bodyId, int year, MoneyJson amount) {
    }

    /** An investment in JSON. */
    @Serdeable
    public record InvestmentJson(String project, int year, MoneyJson amount) {
    }

    /** A budget year in JSON. */
    @Serdeable
    public record BudgetJson(int year, String taxRate, @Nullable List<FrameJson> frames, @Nullable List<InvestmentJson> investments,
                             boolean adopted, @Nullable Json.Decision decision) {
        static BudgetJson of(Budget b) {
            return new BudgetJson(b.year(), b.taxRate(),
                    b.frames().stream().map(f -> new FrameJson(f.bodyId(), f.year(), MoneyJson.of(f.amount()))).toList(),
                    b.investments().stream().map(v -> new InvestmentJson(v.project(), v.year(), MoneyJson.of(v.amount()))).toList(),
                    b.adopted(), Json.Decision.of(b.decision()));
        }

        Budget toDomain(int pathYear) {
            if (year != pathYear) {
                throw new InvalidInput("year", "the year of the path, " + pathYear);
            }
            try {
                return new Budget(year, taxRate,
                        frames == null ? List.of() : frames.stream().map(f -> new Budget.Frame(f.bodyId(), f.year(),
                                f.amount() == null ? null : f.amount().toMoney())).toList(),
                        investments == null ? List.of() : investments.stream().map(v -> new Budget.Investment(v.project(), v.year(),
                                v.amount() == null ? null : v.amount().toMoney())).toList(),
                        adopted, decision == null ? null : decision.toDomain());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("budget", e.getMessage());
            }
        }
    }

    @Get("/{year}")
    public HttpResponse<BudgetJson> get(@PathVariable int year) {
        BudgetStore.Versioned v = store.find(year).orElseThrow(() -> new ProblemException(Problem.notFound("There is no budget for " + year + ".")));
        return HttpResponse.ok(BudgetJson.of(v.budget())).header("ETag", "\"" + v.version() + "\"");
    }

    @Secured({"ekonom", "admin"})
    @Put("/{year}")
    public HttpResponse<BudgetJson> put(@PathVariable int year, @Body BudgetJson body, @Nullable @Header("If-Match") String ifMatch) {
        Budget next = body.toDomain(year);
        InvalidInput.check(next.validate());
        var current = store.find(year);
        long version = current.map(BudgetStore.Versioned::version).orElse(0L);
        if (ifMatch != null && !ifMatch.replace("\"", "").equals(Long.toString(version))) {
            throw new ProblemException(Problem.of("precondition-failed", "Precondition failed", 412,
                    "The budget for " + year + " has changed since you read it; read it again."));
        }
        current.ifPresent(c -> c.budget().replacedBy(next));
        if (!store.save(next, version)) {
            throw new ProblemException(Problem.of("precondition-failed", "Precondition failed", 412,
                    "The budget for " + year + " changed while you wrote it; read it again."));
        }
        return HttpResponse.ok(BudgetJson.of(next)).header("ETag", "\"" + (version + 1) + "\"");
    }
}

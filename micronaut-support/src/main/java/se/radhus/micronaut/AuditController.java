package se.radhus.micronaut;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import org.bson.Document;
import se.radhus.common.store.AuditLog;

/** The service's audit trail at {@code radhus.audit-path}, e.g. {@code /api/audit/finance}; for admin only. */
@Controller("${radhus.audit-path}")
@Secured("admin")
public class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Get
    public PageResponse<Document> list(@QueryValue(defaultValue = "0") int pageSize, @QueryValue(defaultValue = "") String pageToken) {
        var page = audit.list(pageSize, pageToken);
        return new PageResponse<>(page.items(), page.nextPageToken());
    }
}

package se.radhus.meetings.api;

import com.mongodb.client.MongoDatabase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.bson.Document;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import se.radhus.common.api.RequestIds;
import se.radhus.common.store.AuditLog;

/** The audit trail of meetings-service: every accepted write, readable by admin at {@code /api/audit/meetings}. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit/meetings")
    PageResponse<Document> list(@RequestParam(defaultValue = "0") int pageSize, @RequestParam(defaultValue = "") String pageToken) {
        return PageResponse.of(audit.list(pageSize, pageToken));
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Beans {
        @org.springframework.context.annotation.Bean
        AuditLog auditLog(MongoDatabase database) {
            return new AuditLog(database);
        }
    }

    /**
     * Records each write that succeeded, after it did, whatever the spelling of its path (the path
     * recorded is the decoded one the handler was chosen by). It runs inside Spring Security's chain
     * (order -100), so the caller is still known when the handler returns.
     */
    @Component
    @Order(0)
    static class AuditFilter extends OncePerRequestFilter {
        private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
        private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();
        private final AuditLog audit;

        AuditFilter(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            if (WRITES.contains(request.getMethod()) && response.getStatus() < 300) {
                var who = Caller.principal(request);
                audit.record(who.subject(), who.roles(), request.getMethod(), PATHS.getPathWithinApplication(request), response.getStatus(),
                        MDC.get(RequestIds.MDC_KEY));
            }
        }
    }
}

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
import org.springframework.core.Ordered;
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

    /** Records each write that succeeded, after it did. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    static class AuditFilter extends OncePerRequestFilter {
        private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
        private final AuditLog audit;

        AuditFilter(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            if (WRITES.contains(request.getMethod()) && response.getStatus() < 300 && request.getRequestURI().startsWith("/api/")) {
                var who = SecurityFilter.principal(request);
                audit.record(who.subject(), who.roles(), request.getMethod(), request.getRequestURI(), response.getStatus(),
                        MDC.get(RequestIds.MDC_KEY));
            }
        }
    }
}

package se.radhus.finance;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** finance-service: appropriations, the ledger, funds control, grants and the budget. */
@OpenAPIDefinition(info = @Info(title = "Rådhus finance", version = "v1",
        description = "Appropriations (anslag), their ledger and balances, grants and the budget."))
// the bearer token every non-public route needs; micronaut-openapi lists each route's @Secured roles under it
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIInclude(classes = se.radhus.micronaut.AuditController.class)
public class FinanceApplication {

    public static void main(String[] args) {
        Micronaut.run(FinanceApplication.class, args);
    }
}

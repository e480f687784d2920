package se.radhus.finance;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** finance-service: appropriations, the ledger, funds control, grants and the budget. */
@OpenAPIDefinition(info = @Info(title = "Rådhus finance", version = "v1",
        description = "Appropriations (anslag), their ledger and balances, grants and the budget."))
public class FinanceApplication {

    public static void main(String[] args) {
        Micronaut.run(FinanceApplication.class, args);
    }
}

package se.radhus.procurement;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** procurement-service: procurements, bids, evaluation, awards, contracts and their OCDS publication. */
@OpenAPIDefinition(info = @Info(title = "Rådhus procurement", version = "v1",
        description = "Procurements (upphandlingar) under LOU, awards and contracts, published as OCDS."))
// the bearer token every non-public route needs; micronaut-openapi lists each route's @Secured roles under it
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIInclude(classes = se.radhus.micronaut.AuditController.class)
public class ProcurementApplication {

    public static void main(String[] args) {
        Micronaut.run(ProcurementApplication.class, args);
    }
}

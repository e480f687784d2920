package se.radhus.meetings.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;
import se.radhus.common.security.Principal;

/**
 * Each operation's roles in the OpenAPI document, as {@link SecurityConfiguration}'s rules decide them:
 * Spring Security's own authorization manager is asked, for each path and method, whether an anonymous
 * caller and each staff role may call it. No second copy of the rules: a rule changed there is a
 * document changed here. Public operations get no requirement; the others the bearer scheme with roles.
 */
@Component
class OpenApiRoles implements OpenApiCustomizer {

    private final ObjectProvider<SecurityFilterChain> chains;

    OpenApiRoles(ObjectProvider<SecurityFilterChain> chains) {
        this.chains = chains;
    }

    @Override
    public void customise(OpenAPI openApi) {
        AuthorizationManager<HttpServletRequest> rules = rules();
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT"));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                describe(rules, method, path, op)));
    }

    private static void describe(AuthorizationManager<HttpServletRequest> rules, PathItem.HttpMethod method,
                                 String path, Operation op) {
        String concrete = path.replaceAll("\\{[^}/]+}", "x");
        HttpServletRequest request = request(method.name(), concrete);
        Authentication anonymous = new AnonymousAuthenticationToken("openapi", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        if (allowed(rules, anonymous, request)) {
            op.setSecurity(List.of(new SecurityRequirement()));
            return;
        }
        List<String> roles = new ArrayList<>();
        for (String role : new TreeSet<>(Principal.STAFF)) {
            Authentication caller = UsernamePasswordAuthenticationToken.authenticated("openapi", null,
                    AuthorityUtils.createAuthorityList("ROLE_" + role));
            if (allowed(rules, caller, request(method.name(), concrete))) {
                roles.add(role);
            }
        }
        op.setSecurity(List.of(new SecurityRequirement().addList("bearer", roles)));
    }

    private static boolean allowed(AuthorizationManager<HttpServletRequest> rules, Authentication who,
                                   HttpServletRequest request) {
        Supplier<Authentication> caller = () -> who;
        AuthorizationResult result = rules.authorize(caller, request);
        return result != null && result.isGranted();
    }

    private AuthorizationManager<HttpServletRequest> rules() {
        for (SecurityFilterChain chain : chains) {
            for (var filter : chain.getFilters()) {
                if (filter instanceof AuthorizationFilter authorization) {
                    return authorization.getAuthorizationManager();
                }
            }
        }
        throw new IllegalStateException("no AuthorizationFilter in the security filter chain");
    }

    /** Spring MVC's DispatcherServlet at "/", as in the service. */
    private static final jakarta.servlet.http.HttpServletMapping DISPATCHER = new jakarta.servlet.http.HttpServletMapping() {
        @Override
        public String getMatchValue() {
            return "";
        }

        @Override
        public String getPattern() {
            return "/";
        }

        @Override
        public String getServletName() {
            return "dispatcherServlet";
        }

        @Override
        public jakarta.servlet.http.MappingMatch getMappingMatch() {
            return jakarta.servlet.http.MappingMatch.DEFAULT;
        }
    };

    /** A request as the rules see it: method and path, nothing else (no servlet container involved). */
    static HttpServletRequest request(String method, String path) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(OpenApiRoles.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI", "getServletPath" -> path;
                    case "getContextPath" -> "";
                    case "getRequestURL" -> new StringBuffer("http://localhost" + path);
                    case "getScheme" -> "http";
                    case "getServerName" -> "localhost";
                    case "getServerPort" -> 80;
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getHttpServletMapping" -> DISPATCHER;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getAttributeNames" -> java.util.Collections.enumeration(attributes.keySet());
                    case "getHeaderNames", "getParameterNames" -> java.util.Collections.emptyEnumeration();
                    case "getHeaders" -> java.util.Collections.emptyEnumeration();
                    case "getParameterMap" -> Map.of();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> method + " " + path;
                    default -> nothing(m.getReturnType());
                });
    }

    private static Object nothing(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}

package se.radhus.portal.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import se.radhus.portal.client.PublicApi;

/** What a visitor sees when a page cannot be shown: a page in Swedish with the right status, never a trace. */
@ControllerAdvice
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(PublicApi.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        return error(model, 404, "Sidan finns inte", "Det du söker finns inte, eller är inte offentligt.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badPath(Model model) {
        return error(model, 400, "Felaktig adress", "Adressen är inte giltig. Kontrollera stavningen.");
    }

    @ExceptionHandler(PublicApi.Refused.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(PublicApi.Refused e, Model model) {
        return error(model, 400, "Frågan kunde inte besvaras", e.detail());
    }

    /** This visitor has asked too much too fast: the gateway's answer, passed on, with when to come back. */
    @ExceptionHandler(PublicApi.TooMany.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String tooMany(PublicApi.TooMany e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("Retry-After", e.retryAfter());
        return error(model, 429, "För många frågor just nu", "Vänta " + e.retryAfter() + " sekunder och försök igen.");
    }

    @ExceptionHandler(PublicApi.Unavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(PublicApi.Unavailable e, Model model) {
        log.warn("public API unavailable: {}", e.getMessage());
        return error(model, 503, "Tjänsten svarar inte just nu", "Försök igen om en stund.");
    }

    static String error(Model model, int status, String title, String text) {
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("text", text);
        return "error";
    }
}

package se.radhus.portal.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The tillgänglighetsredogörelse (lagen 2018:1937 om tillgänglighet till digital offentlig service, 12 §). */
@Controller
class StaticPages {

    @GetMapping("/tillganglighet")
    String accessibility() {
        return "tillganglighet";
    }
}

package se.radhus.procurement.service;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * At start, writes the OCDS releases the stored procurements call for and do not have yet: those changed
 * before their history was kept, and any whose release a crash kept from being written after its step.
 */
@Singleton
public class HistoryAtStart implements ApplicationEventListener<StartupEvent> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HistoryAtStart.class);

    private final ProcurementService service;

    public HistoryAtStart(ProcurementService service) {
        this.service = service;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            service.recordHistory();
        } catch (RuntimeException e) {
            // the releases are written again by the next step of each procurement, and at the next start
            log.warn("the OCDS history could not be brought up to date at start: {}", e.toString());
        }
    }
}

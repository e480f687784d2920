package se.radhus.finance.service;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import se.radhus.finance.store.AppropriationStore;

/**
 * At start: every appropriation still in the old one-document shape is moved to the entry-per-document
 * ledger, and what a crash left pending between a commit and its entries is written out. (Any read of an
 * appropriation does the same for that one; this sweep does it for all before the first request.)
 */
@Singleton
public class LedgerSweep implements ApplicationEventListener<StartupEvent> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerSweep.class);

    private final AppropriationStore store;

    public LedgerSweep(AppropriationStore store) {
        this.store = store;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        int repaired = store.sweep();
        if (repaired > 0) {
            log.info("ledger sweep: {} appropriations moved to the current shape or completed", repaired);
        }
    }
}

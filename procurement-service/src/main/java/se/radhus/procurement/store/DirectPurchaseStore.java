package se.radhus.procurement.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.radhus.common.money.Money;
import se.radhus.common.store.VersionedCollection;

/**
 * The direct purchases of one buyer, of one kind, in one financial year (LOU 19 kap. 8 §: they are added
 * together against the direct award limit), one document each. A direct award is entered here before the
 * procurement records it, by compare-and-set on that one document, so two awards at once cannot both fit
 * under a limit only one of them fits under.
 */
@Singleton
public class DirectPurchaseStore {

    /** One direct award: its procurement, value (excluding VAT) and day. */
    public record Purchase(String procurementId, Money value, LocalDate awardedOn) {
    }

    /** A buyer's direct purchases of one kind in one year. */
    public record Register(String key, List<Purchase> purchases) {
        public Register {
            purchases = purchases == null ? List.of() : List.copyOf(purchases);
        }
    }

    private final VersionedCollection<Register> registers;

    public DirectPurchaseStore(MongoDatabase database) {
        this.registers = new VersionedCollection<>(database, "direct_purchases", Register.class, Register::key);
    }

    public static String key(String buyer, String kind, int year) {
        return buyer + "|" + kind + "|" + year;
    }

    /** What the others (all but {@code procurementId}) have awarded under the key. */
    public Money others(String key, String procurementId) {
        return registers.findValue(key).map(r -> sum(r, procurementId)).orElse(Money.zero(Money.SEK));
    }

    static Money sum(Register r, String except) {
        return r.purchases().stream().filter(p -> !p.procurementId().equals(except)).map(Purchase::value)
                .reduce(Money.zero(Money.SEK), Money::plus);
    }

    /**
     * Enters (or replaces) the procurement's purchase if it keeps the others and itself below {@code limit}.
     *
     * @return false when it does not fit (nothing is written then)
     */
    public boolean enter(String key, Purchase purchase, Money limit) {
        for (int attempt = 0; attempt < 50; attempt++) {
            var read = registers.find(key);
            if (read.isEmpty()) {
                if (purchase.value().compareTo(limit) >= 0) {
                    return false;
                }
                if (registers.insertIfAbsent(new Register(key, List.of(purchase)))) {
                    return true;
                }
                continue;
            }
            Register r = read.get().value();
            if (sum(r, purchase.procurementId()).plus(purchase.value()).compareTo(limit) >= 0) {
                return false;
            }
            List<Purchase> next = new ArrayList<>(r.purchases().stream().filter(p -> !p.procurementId().equals(purchase.procurementId())).toList());
            next.add(purchase);
            if (registers.tryReplaceIfMatches(new Register(key, next), read.get().version(), Filters.size("purchases", r.purchases().size()))) {
                return true;
            }
        }
        throw new IllegalStateException("the direct purchases of " + key + " kept changing");
    }

    /** Takes a procurement's purchase out (its award was cancelled). */
    public void remove(String key, String procurementId) {
        for (int attempt = 0; attempt < 50; attempt++) {
            var read = registers.find(key);
            if (read.isEmpty() || read.get().value().purchases().stream().noneMatch(p -> p.procurementId().equals(procurementId))) {
                return;
            }
            Register r = read.get().value();
            if (registers.tryReplaceIfMatches(new Register(key, r.purchases().stream().filter(p -> !p.procurementId().equals(procurementId))
                    .toList()), read.get().version(), Filters.size("purchases", r.purchases().size()))) {
                return;
            }
        }
        throw new IllegalStateException("the direct purchases of " + key + " kept changing");
    }
}

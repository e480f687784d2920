package se.radhus.procurement.domain;

import java.time.LocalDate;
import se.radhus.common.money.Money;

/**
 * A call-off (avrop) under a framework agreement (LOU 7 kap. 5–7 §§), on one of its contracts.
 *
 * @param id                  the call-off's own number, unique in the framework (e.g. an order number)
 * @param contractId          the contract (supplier) called off
 * @param value               its value, excluding VAT
 * @param calledOn            the day it was placed
 * @param renewedCompetition  placed after a renewed competition (förnyad konkurrensutsättning) among the suppliers
 * @param noticeSentOn        with renewed competition: the day the award notice was sent
 * @param standstillEnd       with renewed competition: the last day of its standstill; null without
 */
public record CallOff(String id, String contractId, Money value, LocalDate calledOn, String description, boolean renewedCompetition,
                      LocalDate noticeSentOn, boolean sentElectronically, LocalDate standstillEnd) {
}

package se.radhus.finance.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import se.radhus.common.domain.FieldError;
import se.radhus.common.domain.DecisionRef;
import se.radhus.common.domain.RuleViolation;
import se.radhus.common.money.Money;

/**
 * A budget year: the municipal tax rate, net cost frames per body for the budget year and plan years,
 * and the investment budget and plan per project. Locked once adopted (the council's decision).
 *
 * @param taxRate     skattesats as Swedish documents write it, "22,80" (kronor per 100 kr of taxable income)
 * @param frames      nettokostnadsramar: body, year, amount
 * @param investments investeringsbudget and -plan: project, year, amount
 * @param adopted     true once KF has adopted it; then it never changes
 * @param decision    the decision that adopted it
 */
public record Budget(int year, String taxRate, List<Frame> frames, List<Investment> investments, boolean adopted,
                     DecisionRef decision) {

    private static final Pattern RATE = Pattern.compile("\\d{1,2},\\d{2}");

    /** A body's net cost frame for a year. */
    public record Frame(String bodyId, int year, Money amount) {
    }

    /** An investment project's amount for a year. */
    public record Investment(String project, int year, Money amount) {
    }

    public Budget {
        frames = frames == null ? List.of() : List.copyOf(frames);
        investments = investments == null ? List.of() : List.copyOf(investments);
    }

    /** The tax rate in hundredths, 22,80 → 2280. */
    public int taxRateHundredths() {
        return Integer.parseInt(taxRate.replace(",", ""));
    }

    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (taxRate == null || !RATE.matcher(taxRate).matches()) {
            errors.add(new FieldError("taxRate", "kronor per hundred with two decimals and a comma, e.g. \"22,80\""));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            if (f.bodyId() == null || f.amount() == null || f.year() < year || f.year() > year + 5) {
                errors.add(new FieldError("frames[" + i + "]", "a body, an amount, and the budget year or a plan year (up to " + (year + 5) + ")"));
            } else if (!seen.add(f.bodyId() + "/" + f.year())) {
                errors.add(new FieldError("frames[" + i + "]", f.bodyId() + " " + f.year() + " appears twice"));
            }
        }
        for (int i = 0; i < investments.size(); i++) {
            Investment v = investments.get(i);
            if (v.project() == null || v.project().isBlank() || v.amount() == null || v.year() < year || v.year() > year + 10) {
                errors.add(new FieldError("investments[" + i + "]", "a project, an amount, and the budget year or a plan year"));
            }
        }
        if (adopted && decision == null) {
            errors.add(new FieldError("decision", "the decision that adopts the budget"));
        }
        return errors;
    }

    /** The next version of the budget; an adopted one is locked. */
    public Budget replacedBy(Budget next) {
        if (adopted) {
            throw new RuleViolation("budget-adopted", "The budget for " + year + " was adopted (" + decision
                    + ") and is locked; a change is a new decision.");
        }
        return next;
    }
}

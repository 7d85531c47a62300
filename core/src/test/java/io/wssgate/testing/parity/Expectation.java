package io.wssgate.testing.parity;

import io.wssgate.testing.attacks.Attack;

/** What one integration must answer a {@link ParityCase} with. */
public sealed interface Expectation {

    /** HTTP 200 from the application, which ran once and saw exactly this principal. */
    record Accepted(String principal) implements Expectation {
    }

    /** Refused as {@code outcome} says; the application did not run and saw no principal. */
    record Refused(Attack.Outcome outcome) implements Expectation {
    }
}

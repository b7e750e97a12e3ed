package org.caravan.trade;

/**
 * A well-formed question the store has no records for (no product records at that level, nothing for that
 * year...). Distinct from bad arguments so front ends can answer "not found" and name {@link #field()}, the
 * parameter that narrowed the question to nothing.
 */
public class NoTradeDataException extends IllegalArgumentException {
    private final String field;

    public NoTradeDataException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() { return field; }
}

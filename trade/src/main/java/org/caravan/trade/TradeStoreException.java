package org.caravan.trade;

/** The trade store cannot be opened or queried (a locked or damaged database file, a failed query). */
public class TradeStoreException extends RuntimeException {
    public TradeStoreException(String message, Throwable cause) { super(message, cause); }

    public TradeStoreException(String message) { super(message); }
}

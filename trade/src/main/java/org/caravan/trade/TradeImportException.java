package org.caravan.trade;

/**
 * An import that did not happen at all (the store is unchanged): unreadable or unrecognised file, a CSV syntax
 * error that stops reading, or a malformed row under {@code --strict}. The message names the file and, where
 * there is one, the line.
 */
public class TradeImportException extends Exception {
    public TradeImportException(String message) { super(message); }

    public TradeImportException(String message, Throwable cause) { super(message, cause); }
}

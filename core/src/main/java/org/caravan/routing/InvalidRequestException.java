package org.caravan.routing;

/** A request that cannot be answered as asked (unknown id, unknown cargo, origin in an avoided country...). */
public class InvalidRequestException extends IllegalArgumentException {
    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault ("from", "to", "via", "cargo", "avoid", "close", "modes"...). */
    public String field() { return field; }
}

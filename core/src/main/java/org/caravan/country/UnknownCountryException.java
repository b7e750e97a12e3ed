package org.caravan.country;

import java.util.List;

/** What a user typed is no country Caravan knows; carries the closest matches, best first. */
public final class UnknownCountryException extends IllegalArgumentException {
    private final String input;
    private final List<Country> suggestions;

    UnknownCountryException(String input, List<Country> suggestions, String message) {
        super(message);
        this.input = input;
        this.suggestions = List.copyOf(suggestions);
    }

    public String input() { return input; }

    public List<Country> suggestions() { return suggestions; }
}

package org.caravan.cli;

/** Bad input found by the CLI itself (an option value that parses but makes no sense). */
final class UserInputException extends RuntimeException {
    UserInputException(String message) { super(message); }
}

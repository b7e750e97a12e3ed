package org.caravan.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.Problem;

/** Reads whole input files, turning I/O failures into problems that name the file instead of stack traces. */
final class FileInput {
    private FileInput() {}

    static Optional<byte[]> readBytes(Path file, String name, NetworkBuilder out) {
        String why;
        try {
            if (Files.isDirectory(file)) {
                why = "is a directory, not a file";
            } else {
                return Optional.of(Files.readAllBytes(file));
            }
        } catch (NoSuchFileException e) {
            why = "no such file";
        } catch (AccessDeniedException e) {
            why = "permission denied";
        } catch (IOException | SecurityException e) {
            why = "cannot read: " + e.getMessage();
        }
        out.addProblem(new Problem(name, "", "", why));
        return Optional.empty();
    }
}

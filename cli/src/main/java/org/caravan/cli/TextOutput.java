package org.caravan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs to print: aligned tables, and an answer to stdout or to the file of {@code -o}. */
final class TextOutput {
    private TextOutput() {}

    /** Writes {@code text} to {@code output}, or to the command's stdout when {@code output} is null. */
    static void write(CommandSpec spec, Path output, String text) {
        if (output == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
            return;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("--output: cannot write " + output + ": " + e.getMessage());
        }
        wrote(spec.commandLine().getErr(), output);
    }

    /**
     * The one line every command prints on stderr after writing a file ({@code --output}, {@code --out},
     * {@code --chart}, {@code -o}): {@code caravan: wrote FILE (N bytes)}.
     */
    static void wrote(PrintWriter err, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        err.println("caravan: wrote " + file + (size < 0 ? "" : " (" + String.format(java.util.Locale.ROOT, "%,d", size)
                + " bytes)"));
        err.flush();
    }

    /** Rows as columns padded to their widest cell; {@code right[c]} right-aligns column c (numbers). */
    static void table(StringBuilder sb, List<String[]> rows, boolean[] right) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] row : rows) for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], row[c].length());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < cols; c++) {
                String pad = " ".repeat(w[c] - row[c].length());
                line.append(' ').append(right[c] ? pad + row[c] : row[c] + pad).append(' ');
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }
}

package org.caravan.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named sea passages (Strait of Hormuz, Bosphorus...) and the network links that pass through them, from the
 * embedded {@code org/caravan/data/sea/passages.csv}. A request may avoid a passage (its links are closed) and
 * every route names the passages it uses.
 */
public final class Passages {
    static final String RESOURCE = "/org/caravan/data/sea/passages.csv";

    /** One passage: its name, other names, link ids, and where the assignment of links comes from. */
    public record Passage(String name, List<String> aliases, Set<String> links, String source, String confidence) {}

    private final List<Passage> passages;
    private final Map<String, Passage> byName = new LinkedHashMap<>();
    private final Map<String, Passage> byLink = new LinkedHashMap<>();

    private static volatile Passages embedded;

    public Passages(List<Passage> passages) {
        this.passages = List.copyOf(passages);
        for (Passage p : this.passages) {
            byName.put(key(p.name()), p);
            for (String a : p.aliases()) byName.put(key(a), p);
            for (String l : p.links()) byLink.put(l, p);
        }
    }

    /** The embedded table, read once. */
    public static Passages embedded() {
        Passages p = embedded;
        if (p == null) {
            synchronized (Passages.class) {
                if (embedded == null) embedded = read();
                p = embedded;
            }
        }
        return p;
    }

    public List<Passage> all() { return passages; }

    /** The passage of this name or alias (case, spaces, hyphens and diacritics ignored). */
    public Optional<Passage> byName(String name) { return Optional.ofNullable(byName.get(key(name))); }

    /** The passage a link runs through, if any. */
    public Optional<Passage> ofLink(String linkId) { return Optional.ofNullable(byLink.get(linkId)); }

    /** The names of the passages the given links use, in first-use order, each once. */
    public List<String> used(List<String> linkIds) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : linkIds) ofLink(id).ifPresent(p -> out.add(p.name()));
        return List.copyOf(out);
    }

    static String key(String s) {
        String n = Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static Passages read() {
        try (InputStream in = Passages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing embedded resource " + RESOURCE);
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the CSV (no quoted commas: the fields are plain); errors name the file and line. */
    static Passages parse(BufferedReader r, String file) throws IOException {
        String header = r.readLine();
        if (header == null || !header.startsWith("name,aliases,links,source,confidence")) {
            throw new IllegalStateException(file + ":1: expected header name,aliases,links,source,confidence,note");
        }
        List<Passage> out = new ArrayList<>();
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            if (f.length < 5) throw new IllegalStateException(file + ":" + n + ": expected at least 5 fields, got " + f.length);
            if (f[0].isBlank() || f[2].isBlank()) throw new IllegalStateException(file + ":" + n + ": name and links are required");
            out.add(new Passage(f[0].trim(), split(f[1]), new LinkedHashSet<>(split(f[2])), f[3].trim(), f[4].trim()));
        }
        return new Passages(out);
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split(";")) if (!p.isBlank()) out.add(p.trim());
        return out;
    }
}

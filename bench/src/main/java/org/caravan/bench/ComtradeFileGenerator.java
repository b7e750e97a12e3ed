package org.caravan.bench;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a large synthetic UN Comtrade file in the current 47-column format ("plus": {@code typeCode,freqCode,
 * refPeriodId,...,isAggregate}) for import benchmarks. The values are random, not statistics. Plain JDK, no
 * dependencies: it runs from the bench jar or compiled on its own with {@code javac}.
 *
 * <pre>java -cp bench/target/caravan-bench.jar org.caravan.bench.ComtradeFileGenerator OUT_FILE ROWS [SEED]</pre>
 *
 * <p>ROWS may be written with underscores (10_000_000); SEED defaults to 42. Prints rows/s and MB written. About
 * 0.9 million rows/s to a file on a 2-core machine (10 million rows: 2.28 GB in about 11 s; 1.7 million rows/s
 * when the disk is not the limit), in a constant ~60 MB of memory: rows are formatted by hand into a reused
 * StringBuilder and streamed through a BufferedWriter, nothing is kept.
 *
 * <p>Shape: 30 reporters, 150 partners each (151 codes, World 0 included, never the reporter itself), years
 * 2000-2024, frequency A ({@code refMonth} 52), flows M and X, 673 commodity codes (TOTAL, 96 HS chapters, 192
 * headings, 384 six-digit codes), classification H1..H6 by year. Descriptions are short; some contain a comma and are
 * quoted, as are partner names such as "China, Hong Kong SAR"; a few names are non-ASCII (Türkiye, Côte d'Ivoire).
 * {@code netWgt} is filled on about 90 % of the rows, {@code primaryValue} is always positive (log-uniform by
 * commodity level over five decades from 10^6 USD for TOTAL, 10^4 for chapters, 10^3 for headings, 10^1 for
 * six-digit codes; a quarter of them with cents). Values are drawn row by row, so nothing adds up (a TOTAL is not
 * the sum of chapters, World not the sum of partners): this file measures import speed, not analytics.
 *
 * <p>Keys never repeat. The file is sorted into 750 blocks, one per (reporter, year); each block gets its share of
 * the rows ({@code ROWS / 750}, the first {@code ROWS % 750} blocks one more) and takes them from its inner key space
 * (flow x partner x commodity x customs/mode variant) through the bijection {@code j -> (a*j + c) mod S} with
 * {@code gcd(a, S) = 1}, so the keys inside a block are distinct and spread over partners, flows and commodities.
 * Up to 151,425,000 rows (750 x 201,900) every row has customsCode C00 and motCode 0; beyond that the customs
 * procedure and mode of transport vary too (24 variants, up to about 3.6 billion rows). Same ROWS and SEED, same
 * file, byte for byte.
 */
public final class ComtradeFileGenerator {
    /** The exact header of the current Comtrade API / bulk CSV. */
    public static final String HEADER = "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,"
            + "reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,"
            + "partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,"
            + "aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,"
            + "isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,"
            + "isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate";

    static final int FIRST_YEAR = 2000;
    static final int YEARS = 25;

    /** code,ISO3,name: World plus 150 countries (UN M49 codes as Comtrade uses them: India 699, USA 842, ...). */
    private static final String COUNTRIES = """
            0,W00,World
            4,AFG,Afghanistan
            8,ALB,Albania
            12,DZA,Algeria
            24,AGO,Angola
            32,ARG,Argentina
            51,ARM,Armenia
            36,AUS,Australia
            40,AUT,Austria
            31,AZE,Azerbaijan
            48,BHR,Bahrain
            50,BGD,Bangladesh
            112,BLR,Belarus
            56,BEL,Belgium
            204,BEN,Benin
            64,BTN,Bhutan
            68,BOL,Bolivia (Plurinational State of)
            70,BIH,Bosnia Herzegovina
            72,BWA,Botswana
            76,BRA,Brazil
            96,BRN,Brunei Darussalam
            100,BGR,Bulgaria
            854,BFA,Burkina Faso
            108,BDI,Burundi
            116,KHM,Cambodia
            120,CMR,Cameroon
            124,CAN,Canada
            148,TCD,Chad
            152,CHL,Chile
            156,CHN,China
            344,HKG,"China, Hong Kong SAR"
            170,COL,Colombia
            178,COG,Congo
            188,CRI,Costa Rica
            384,CIV,Côte d'Ivoire
            191,HRV,Croatia
            192,CUB,Cuba
            196,CYP,Cyprus
            203,CZE,Czechia
            408,PRK,Dem. People's Rep. of Korea
            180,COD,Dem. Rep. of the Congo
            208,DNK,Denmark
            262,DJI,Djibouti
            214,DOM,Dominican Rep.
            218,ECU,Ecuador
            818,EGY,Egypt
            222,SLV,El Salvador
            233,EST,Estonia
            748,SWZ,Eswatini
            231,ETH,Ethiopia
            242,FJI,Fiji
            246,FIN,Finland
            251,FRA,France
            266,GAB,Gabon
            270,GMB,Gambia
            268,GEO,Georgia
            276,DEU,Germany
            288,GHA,Ghana
            300,GRC,Greece
            320,GTM,Guatemala
            324,GIN,Guinea
            328,GUY,Guyana
            332,HTI,Haiti
            340,HND,Honduras
            348,HUN,Hungary
            352,ISL,Iceland
            699,IND,India
            360,IDN,Indonesia
            364,IRN,Iran
            368,IRQ,Iraq
            372,IRL,Ireland
            376,ISR,Israel
            381,ITA,Italy
            388,JAM,Jamaica
            392,JPN,Japan
            400,JOR,Jordan
            398,KAZ,Kazakhstan
            404,KEN,Kenya
            414,KWT,Kuwait
            417,KGZ,Kyrgyzstan
            418,LAO,Lao People's Dem. Rep.
            428,LVA,Latvia
            422,LBN,Lebanon
            426,LSO,Lesotho
            430,LBR,Liberia
            434,LBY,Libya
            440,LTU,Lithuania
            442,LUX,Luxembourg
            450,MDG,Madagascar
            454,MWI,Malawi
            458,MYS,Malaysia
            462,MDV,Maldives
            466,MLI,Mali
            470,MLT,Malta
            478,MRT,Mauritania
            480,MUS,Mauritius
            484,MEX,Mexico
            496,MNG,Mongolia
            499,MNE,Montenegro
            504,MAR,Morocco
            508,MOZ,Mozambique
            104,MMR,Myanmar
            516,NAM,Namibia
            524,NPL,Nepal
            528,NLD,Netherlands
            554,NZL,New Zealand
            558,NIC,Nicaragua
            562,NER,Niger
            566,NGA,Nigeria
            807,MKD,North Macedonia
            579,NOR,Norway
            512,OMN,Oman
            490,S19,"Other Asia, nes"
            586,PAK,Pakistan
            591,PAN,Panama
            598,PNG,Papua New Guinea
            600,PRY,Paraguay
            604,PER,Peru
            608,PHL,Philippines
            616,POL,Poland
            620,PRT,Portugal
            634,QAT,Qatar
            410,KOR,Rep. of Korea
            498,MDA,Rep. of Moldova
            642,ROU,Romania
            643,RUS,Russian Federation
            646,RWA,Rwanda
            682,SAU,Saudi Arabia
            686,SEN,Senegal
            688,SRB,Serbia
            702,SGP,Singapore
            703,SVK,Slovakia
            705,SVN,Slovenia
            710,ZAF,South Africa
            724,ESP,Spain
            144,LKA,Sri Lanka
            729,SDN,Sudan
            752,SWE,Sweden
            757,CHE,Switzerland
            760,SYR,Syria
            762,TJK,Tajikistan
            764,THA,Thailand
            768,TGO,Togo
            792,TUR,Türkiye
            795,TKM,Turkmenistan
            804,UKR,Ukraine
            784,ARE,United Arab Emirates
            826,GBR,United Kingdom
            842,USA,USA
            860,UZB,Uzbekistan
            704,VNM,Viet Nam
            """;

    /** The 30 reporters, by ISO3 (each must be in COUNTRIES). */
    private static final String[] REPORTER_ISO = {"KAZ", "UZB", "AFG", "PAK", "CHN", "RUS", "IRN", "TKM", "KGZ",
        "TJK", "TUR", "DEU", "IND", "USA", "FRA", "ITA", "GBR", "JPN", "KOR", "BRA", "NLD", "ESP", "POL", "ARE", "SAU",
        "AZE", "GEO", "BLR", "UKR", "MNG"};

    /** Short names of some HS chapters; the others are "HS chapter NN". */
    private static final String[] CHAPTER_NAMES = {"01", "Live animals", "02", "Meat and edible meat offal",
        "03", "Fish and crustaceans", "04", "Dairy produce; birds' eggs; natural honey", "07", "Edible vegetables",
        "08", "Edible fruit and nuts", "09", "Coffee, tea, mate and spices", "10", "Cereals",
        "11", "Products of the milling industry", "12", "Oil seeds and oleaginous fruits", "15", "Fats and oils",
        "17", "Sugars and sugar confectionery", "22", "Beverages, spirits and vinegar",
        "25", "Salt, sulphur, earths and stone", "26", "Ores, slag and ash", "27", "Mineral fuels and oils",
        "28", "Inorganic chemicals", "29", "Organic chemicals", "30", "Pharmaceutical products", "31", "Fertilizers",
        "39", "Plastics and articles thereof", "40", "Rubber and articles thereof", "44", "Wood and articles of wood",
        "48", "Paper and paperboard", "52", "Cotton", "61", "Apparel, knitted or crocheted",
        "62", "Apparel, not knitted", "71", "Pearls, precious stones and metals", "72", "Iron and steel",
        "73", "Articles of iron or steel", "74", "Copper and articles thereof", "76", "Aluminium and articles thereof",
        "84", "Machinery and mechanical appliances", "85", "Electrical machinery and equipment",
        "87", "Vehicles other than railway", "88", "Aircraft and spacecraft", "89", "Ships and boats",
        "90", "Optical and medical instruments", "94", "Furniture and bedding"};

    /** customsCode,customsDesc,mosCode,motCode,motDesc: (C00, all modes) first; the others only past 151M rows. */
    private static final String[] VARIANTS;

    static {
        String[] customs = {"C00,TOTAL CPC", "C01,Normal", "C02,Inward processing", "C03,Outward processing"};
        String[] mot = {"0,TOTAL MOT", "1000,Air", "2100,Sea", "3100,Railway", "3200,Road", "9000,Other"};
        VARIANTS = new String[customs.length * mot.length];
        int i = 0;
        for (String c : customs) for (String m : mot) VARIANTS[i++] = c + ",0," + m;
    }

    private static final String[] COUNTRY_FIELDS;   // "code,ISO3,name" (name quoted when it has a comma)
    private static final String[] REPORTER_FIELDS;  // the same for the 30 reporters
    private static final int[] REPORTER_AT;         // index of each reporter in COUNTRY_FIELDS
    private static final String[] CMD_FIELDS;       // "cmdCode,cmdDesc,aggrLevel,isLeaf"
    private static final byte[] CMD_LEVEL;          // 0, 2, 4 or 6

    static {
        String[] lines = COUNTRIES.strip().split("\n");
        COUNTRY_FIELDS = new String[lines.length];
        for (int i = 0; i < lines.length; i++) COUNTRY_FIELDS[i] = lines[i].strip();
        if (COUNTRY_FIELDS.length != 151) throw new IllegalStateException(COUNTRY_FIELDS.length + " countries");
        REPORTER_FIELDS = new String[REPORTER_ISO.length];
        REPORTER_AT = new int[REPORTER_ISO.length];
        for (int r = 0; r < REPORTER_ISO.length; r++) {
            REPORTER_AT[r] = -1;
            for (int i = 0; i < COUNTRY_FIELDS.length; i++) {
                if (COUNTRY_FIELDS[i].split(",")[1].equals(REPORTER_ISO[r])) REPORTER_AT[r] = i;
            }
            if (REPORTER_AT[r] < 0) throw new IllegalStateException("reporter " + REPORTER_ISO[r] + " not a country");
            REPORTER_FIELDS[r] = COUNTRY_FIELDS[REPORTER_AT[r]];
        }
        List<String> cmds = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        cmds.add("TOTAL,All Commodities,0,False");
        levels.add(0);
        for (int ch = 1; ch <= 97; ch++) {
            if (ch == 77) continue; // reserved in the HS
            String c = two(ch);
            String name = "HS chapter " + c;
            for (int k = 0; k < CHAPTER_NAMES.length; k += 2) {
                if (CHAPTER_NAMES[k].equals(c)) name = CHAPTER_NAMES[k + 1];
            }
            cmds.add(c + "," + csv(name) + ",2,False");
            levels.add(2);
            for (int h = 1; h <= 2; h++) {
                String heading = c + two(h);
                cmds.add(heading + ",Heading " + heading + ",4,False");
                levels.add(4);
                cmds.add(heading + "10,Subheading " + heading + "10,6,True");
                levels.add(6);
                cmds.add(heading + "90,\"Other, of heading " + heading + "\",6,True");
                levels.add(6);
            }
        }
        CMD_FIELDS = cmds.toArray(new String[0]);
        CMD_LEVEL = new byte[levels.size()];
        for (int i = 0; i < CMD_LEVEL.length; i++) CMD_LEVEL[i] = (byte) (int) levels.get(i);
    }

    static final int REPORTERS = REPORTER_ISO.length;          // 30
    static final int PARTNERS = COUNTRY_FIELDS.length - 1;      // 150 (all codes but the reporter's own)
    static final int CMDS = CMD_FIELDS.length;                  // 673
    static final int BLOCKS = REPORTERS * YEARS;                // 750
    /** Keys in one (reporter, year) block with customs C00 and mode 0 only. */
    static final long BASE_BLOCK = 2L * PARTNERS * CMDS;
    /** The most rows any call can write. */
    public static final long MAX_ROWS = BLOCKS * BASE_BLOCK * VARIANTS.length;

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    private ComtradeFileGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ComtradeFileGenerator OUT_FILE ROWS [SEED]   (ROWS up to " + MAX_ROWS + ")");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long rows;
        long seed;
        try {
            rows = Long.parseLong(args[1].replace("_", ""));
            seed = args.length > 2 ? Long.parseLong(args[2].replace("_", "")) : 42L;
        } catch (NumberFormatException e) {
            System.err.println("ROWS and SEED must be whole numbers: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (rows < 0 || rows > MAX_ROWS) {
            System.err.println("ROWS must be 0.." + MAX_ROWS + ", got " + rows);
            System.exit(2);
        }
        long t0 = System.nanoTime();
        long bytes = write(out, rows, seed);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %,d rows, %,.1f MB (%,d bytes) in %.2f s: %,.0f rows/s, %,.1f MB/s%n", out, rows,
                bytes / 1e6, bytes, s, rows / s, bytes / 1e6 / s);
    }

    /**
     * Writes the header and {@code rows} data rows to {@code out} (created or truncated; UTF-8, LF line ends, no BOM).
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException if rows is negative or above {@link #MAX_ROWS}
     */
    public static long write(Path out, long rows, long seed) throws IOException {
        if (rows < 0 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("rows must be 0.." + MAX_ROWS + ", got " + rows);
        }
        long perBlock = rows / BLOCKS;
        long extra = rows % BLOCKS;
        long largest = perBlock + (extra > 0 ? 1 : 0);
        int variants = (int) Math.max(1, (largest + BASE_BLOCK - 1) / BASE_BLOCK);
        long space = BASE_BLOCK * variants; // inner key space S of a block
        long a = coprimeStep(space, seed);

        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        CountingStream counter = new CountingStream(Files.newOutputStream(out));
        StringBuilder sb = new StringBuilder(1 << 17);
        char[] chunk = new char[1 << 17];
        try (Writer w = new BufferedWriter(new OutputStreamWriter(counter, StandardCharsets.UTF_8), 1 << 16)) {
            sb.append(HEADER).append('\n');
            long rowIndex = 0;
            for (int r = 0; r < REPORTERS; r++) {
                for (int yi = 0; yi < YEARS; yi++) {
                    int block = r * YEARS + yi;
                    long k = perBlock + (block < extra ? 1 : 0);
                    long c = Math.floorMod(mix(seed ^ (0x9E3779B97F4A7C15L * (block + 1))), space);
                    for (long j = 0; j < k; j++) {
                        long p = (a * j + c) % space; // a bijection on [0, S): distinct for distinct j < S
                        appendRow(sb, r, yi, p, mix(seed + rowIndex * 0xBF58476D1CE4E5B9L));
                        rowIndex++;
                        if (sb.length() >= chunk.length - 1024) flush(sb, chunk, w);
                    }
                }
            }
            flush(sb, chunk, w);
        }
        return counter.count;
    }

    private static String classification(int year) {
        if (year >= 2022) return "H6";
        if (year >= 2017) return "H5";
        if (year >= 2012) return "H4";
        if (year >= 2007) return "H3";
        if (year >= 2002) return "H2";
        return "H1";
    }

    /** typeCode..period ("C,A,20220101,2022,52,2022,") for each year. */
    private static final String[] YEAR_FIELDS = new String[YEARS];
    /** partner2Code..isOriginalClassification (",0,W00,World,H6,HS,True,") for each year. */
    private static final String[] CLASS_FIELDS = new String[YEARS];

    static {
        for (int y = 0; y < YEARS; y++) {
            int year = FIRST_YEAR + y;
            YEAR_FIELDS[y] = "C,A," + year + "0101," + year + ",52," + year + ",";
            CLASS_FIELDS[y] = ",0,W00,World," + classification(year) + ",HS,True,";
        }
    }

    /**
     * One row. {@code p} is the key inside the block: its digits, fastest first, are commodity, partner, flow and
     * customs/mode variant. {@code h} is the row's random word.
     */
    private static void appendRow(StringBuilder sb, int reporter, int yearIndex, long p, long h) {
        int cmd = (int) (p % CMDS);
        p /= CMDS;
        int partner = (int) (p % PARTNERS);
        p /= PARTNERS;
        boolean imp = (p & 1) == 0;
        int variant = (int) (p >>> 1);
        int country = partner >= REPORTER_AT[reporter] ? partner + 1 : partner; // skip the reporter itself
        int level = CMD_LEVEL[cmd];

        sb.append(YEAR_FIELDS[yearIndex]).append(REPORTER_FIELDS[reporter]).append(imp ? ",M,Import," : ",X,Export,")
                .append(COUNTRY_FIELDS[country]).append(CLASS_FIELDS[yearIndex]).append(CMD_FIELDS[cmd]).append(',')
                .append(VARIANTS[variant]);

        // primaryValue: log-uniform within the level's decades, a quarter with cents.
        int minDecade = level == 0 ? 6 : level == 2 ? 4 : level == 4 ? 3 : 1; // 10^6.., 10^4.., 10^3.., 10^1..
        int decade = minDecade + (int) ((h >>> 8) % 5);
        long units = POW10[decade] + Long.remainderUnsigned(h >>> 3, 9 * POW10[decade]);
        int cents = (h & 3) == 0 ? (int) ((h >>> 40) % 100) : -1;
        boolean hasWeight = ((h >>> 50) % 10) != 0;
        long kg = 0;
        if (hasWeight) {
            long centsPerKg = 5 + ((h >>> 24) % 5000); // 0.05 .. 50 USD per kg
            kg = Math.max(1, units * 100 / centsPerKg);
        }
        // qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated
        if (level == 0 || !hasWeight) sb.append(",-1,N/A,,False,-1,N/A,,False,");
        else sb.append(",8,kg,").append(kg).append(",False,-1,N/A,,False,");
        // netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated
        if (hasWeight) sb.append(kg).append(((h >>> 56) % 20) == 0 ? ",True,,False," : ",False,,False,");
        else sb.append(",False,,False,");
        // cifvalue,fobvalue,primaryValue
        if (imp) {
            appendValue(sb, units, cents);
            sb.append(",,");
        } else {
            sb.append(',');
            appendValue(sb, units, cents);
            sb.append(',');
        }
        appendValue(sb, units, cents);
        // legacyEstimationFlag,isReported,isAggregate
        sb.append(level == 0 || country == 0 ? ",0,True,True\n" : ",0,True,False\n");
    }

    private static void appendValue(StringBuilder sb, long units, int cents) {
        sb.append(units);
        if (cents >= 0) {
            sb.append('.');
            if (cents < 10) sb.append('0');
            sb.append(cents);
        }
    }

    private static void flush(StringBuilder sb, char[] chunk, Writer w) throws IOException {
        int n = sb.length();
        sb.getChars(0, n, chunk, 0);
        w.write(chunk, 0, n);
        sb.setLength(0);
    }

    /** A step a in [1, S) with gcd(a, S) = 1, chosen from the seed, about S * 0.618 so neighbours land far apart. */
    static long coprimeStep(long space, long seed) {
        if (space <= 1) return 1;
        long a = (long) (space * 0.6180339887) + Math.floorMod(mix(seed), Math.max(1, space / 1000));
        a = Math.floorMod(a, space);
        if (a == 0) a = 1;
        while (gcd(a, space) != 1) a = a + 1 < space ? a + 1 : 1;
        return a;
    }

    private static long gcd(long x, long y) {
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit word from any input. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String csv(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Counts the bytes that reach the file. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

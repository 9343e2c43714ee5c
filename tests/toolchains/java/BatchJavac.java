// Compiles several generated Java projects in one JVM (cloudgen's toolchain tests).
//
// Usage: java BatchJavac.java CLASSPATH_FILE (SOURCE_DIR OUT_DIR)...
//
// Each SOURCE_DIR is compiled on its own (all *.java below it, UTF-8, against the classpath
// read from CLASSPATH_FILE plus any jars in extra entries) into OUT_DIR, exactly as
// `javac -encoding UTF-8 -d OUT_DIR -cp CP @sources` would; one JVM saves the start-up and
// JIT warm-up that dominates compiling many small projects. Prints one line per project,
// `OK <dir> <millis>` or `FAIL <dir> <millis>` followed by javac's diagnostics; the exit
// status is the number of failed projects (capped at 100).
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class BatchJavac {
    public static void main(String[] args) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String cp = Files.readString(Path.of(args[0])).trim();
        int failed = 0;
        for (int i = 1; i + 1 < args.length; i += 2) {
            Path src = Path.of(args[i]);
            Path out = Path.of(args[i + 1]);
            Files.createDirectories(out);
            List<String> sources;
            try (Stream<Path> s = Files.walk(src)) {
                sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().collect(Collectors.toList());
            }
            List<String> opts = new ArrayList<>(List.of("-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-proc:none", "-d", out.toString(), "-cp", cp));
            opts.addAll(sources);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long start = System.nanoTime();
            int rc = sources.isEmpty() ? 1 : javac.run(null, new PrintStream(err, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), opts.toArray(new String[0]));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (rc == 0) {
                System.out.println("OK " + src + " " + ms);
            } else {
                failed++;
                System.out.println("FAIL " + src + " " + ms);
                System.out.println(sources.isEmpty() ? "no .java files" : err.toString(StandardCharsets.UTF_8));
            }
            System.out.flush();
        }
        System.exit(Math.min(failed, 100));
    }
}

// Shared helpers of the Java runtime programs (tests/runtime/README.md): recording mocks
// for com.pulumi.test.PulumiTest, lookups of what was registered, and assertions that
// report what they compared. Every program is a `main` that exits non-zero on failure.
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

public final class Harness {
    private Harness() {}

    /** One registration seen by the mocks. */
    public static final class Registered {
        public final String type;
        public final String name;
        public final Map<String, Object> inputs;

        Registered(String type, String name, Map<String, Object> inputs) {
            this.type = type;
            this.name = name;
            this.inputs = inputs;
        }
    }

    /** One invoke seen by the mocks. */
    public static final class Call {
        public final String token;
        public final Map<String, Object> args;

        Call(String token, Map<String, Object> args) {
            this.token = token;
            this.args = args;
        }
    }

    /** Mocks that record every registration and call; outputs are inputs plus `computed`. */
    public static final class Recorder implements Mocks {
        public final List<Registered> resources = new ArrayList<>();
        public final List<Call> calls = new ArrayList<>();
        private final Function<Mocks.ResourceArgs, Map<String, Object>> computed;
        private final Function<Mocks.CallArgs, Map<String, Object>> call;

        public Recorder(Function<Mocks.ResourceArgs, Map<String, Object>> computed, Function<Mocks.CallArgs, Map<String, Object>> call) {
            this.computed = computed;
            this.call = call;
        }

        @Override
        public synchronized CompletableFuture<Mocks.ResourceResult> newResourceAsync(Mocks.ResourceArgs args) {
            resources.add(new Registered(args.type, args.name, args.inputs));
            var state = new LinkedHashMap<String, Object>(args.inputs);
            state.putAll(computed.apply(args));
            return CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.name + "-id"), state));
        }

        @Override
        public synchronized CompletableFuture<Map<String, Object>> callAsync(Mocks.CallArgs args) {
            calls.add(new Call(args.token, args.args));
            return CompletableFuture.completedFuture(call.apply(args));
        }

        public Registered registered(String type, String name) {
            for (var r : resources) {
                if (r.type.equals(type) && r.name.equals(name)) {
                    return r;
                }
            }
            throw new AssertionError("no " + type + " named " + name + " was registered; saw " + summary());
        }

        private String summary() {
            var s = new ArrayList<String>();
            for (var r : resources) {
                s.add(r.type + "/" + r.name);
            }
            return s.toString();
        }
    }

    /** Runs `program` under `mocks`, failing on any error the runtime reports. */
    public static TestResult run(Recorder mocks, Consumer<Context> program) {
        var result = PulumiTest.withMocks(mocks).runTest(program);
        if (!result.exceptions().isEmpty() || result.exitCode() != 0) {
            var errors = String.valueOf(result.errors());
            // The runtime's messages repeat the whole command line; keep the tail that matters.
            if (errors.length() > 1500) {
                errors = "..." + errors.substring(errors.length() - 1500);
            }
            var e = new AssertionError("program failed (exit " + result.exitCode() + "): " + errors);
            result.exceptions().forEach(e::addSuppressed);
            throw e;
        }
        return result;
    }

    /** The resolved value of an output. */
    public static <T> T value(Output<T> o) {
        return PulumiTest.extractValue(o);
    }

    public static void check(boolean cond, String what) {
        if (!cond) {
            throw new AssertionError(what);
        }
    }

    public static void eq(Object want, Object got, String what) {
        if (!Objects.equals(want, got)) {
            throw new AssertionError(what + ": want <" + want + "> (" + (want == null ? "null" : want.getClass().getSimpleName()) + ") got <" + got + "> ("
                + (got == null ? "null" : got.getClass().getSimpleName()) + ")");
        }
    }

    /** Runs each named test, prints a line per test, exits 1 if any failed. */
    public static void main(String suite, Map<String, Runnable> tests) {
        int failed = 0;
        for (var t : tests.entrySet()) {
            try {
                t.getValue().run();
                System.out.println("ok   " + suite + "::" + t.getKey());
            } catch (Throwable e) {
                failed++;
                System.out.println("FAIL " + suite + "::" + t.getKey() + ": " + e);
                e.printStackTrace(System.out);
            } finally {
                PulumiTest.cleanup();
            }
        }
        System.out.flush();
        System.exit(failed == 0 ? 0 : 1);
    }
}

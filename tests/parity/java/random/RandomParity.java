// Parity program for com.pulumi:random 4.21.1: every resource (with its Args builder, its
// outputs and its static get with State) and the functions class, written against the
// official Java SDK's public surface. It must compile against the official jar and against
// the SDK cloudgen generates from random-4.21.1.schema.json.
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.random.Provider;
import com.pulumi.random.ProviderArgs;
import com.pulumi.random.RandomBytes;
import com.pulumi.random.RandomBytesArgs;
import com.pulumi.random.RandomId;
import com.pulumi.random.RandomIdArgs;
import com.pulumi.random.RandomInteger;
import com.pulumi.random.RandomIntegerArgs;
import com.pulumi.random.RandomPassword;
import com.pulumi.random.RandomPasswordArgs;
import com.pulumi.random.RandomPet;
import com.pulumi.random.RandomPetArgs;
import com.pulumi.random.RandomShuffle;
import com.pulumi.random.RandomShuffleArgs;
import com.pulumi.random.RandomString;
import com.pulumi.random.RandomStringArgs;
import com.pulumi.random.RandomUuid;
import com.pulumi.random.RandomUuidArgs;
import com.pulumi.random.inputs.RandomIdState;
import com.pulumi.random.inputs.RandomPasswordState;
import com.pulumi.random.inputs.RandomStringState;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public class RandomParity {
    public static void main(String[] args) {
        Pulumi.run(RandomParity::stack);
    }

    public static void stack(Context ctx) {
        var provider = new Provider("random", ProviderArgs.builder().build());
        var opts = CustomResourceOptions.builder().provider(provider).build();
        var keepers = Map.of("build", "1");

        var bytes = new RandomBytes("bytes", RandomBytesArgs.builder().length(32).keepers(keepers).build(), opts);
        Output<String> b64 = bytes.base64();
        Output<String> hex = bytes.hex();
        Output<Integer> bytesLength = bytes.length();

        var id = new RandomId("id", RandomIdArgs.builder().byteLength(8).prefix("srv-").keepers(keepers).build());
        Output<String> idHex = id.hex();
        Output<String> idB64Std = id.b64Std();
        Output<String> idB64Url = id.b64Url();
        Output<String> idDec = id.dec();
        Output<Optional<String>> idPrefix = id.prefix();
        var idAgain = RandomId.get("id-again", id.id(), RandomIdState.builder().byteLength(8).build(), null);

        var integer = new RandomInteger("int", RandomIntegerArgs.builder().min(1).max(6).seed("dice").build());
        Output<Integer> roll = integer.result();
        Output<Optional<String>> seed = integer.seed();

        var password = new RandomPassword("pw", RandomPasswordArgs.builder()
            .length(24)
            .special(true)
            .overrideSpecial("!#$%")
            .minLower(1)
            .minUpper(1)
            .minNumeric(1)
            .minSpecial(1)
            .lower(true)
            .upper(true)
            .numeric(true)
            .keepers(keepers)
            .build());
        Output<String> secret = password.result();
        Output<String> bcrypt = password.bcryptHash();
        var pwAgain = RandomPassword.get("pw-again", password.id(), RandomPasswordState.builder().length(24).build(), null);

        var pet = new RandomPet("pet", RandomPetArgs.builder().length(3).prefix("dev").separator("-").build());
        Output<String> petName = pet.id();
        Output<Optional<String>> separator = pet.separator().applyValue(Optional::of);

        var shuffle = new RandomShuffle("shuffle", RandomShuffleArgs.builder()
            .inputs("a", "b", "c")
            .resultCount(2)
            .seed("s")
            .build());
        Output<List<String>> shuffled = shuffle.results();
        var shuffle2 = new RandomShuffle("shuffle2", RandomShuffleArgs.builder().inputs(List.of("x", "y")).build());

        var string = new RandomString("str", RandomStringArgs.builder().length(12).special(false).upper(false).build());
        Output<String> str = string.result();
        var strAgain = RandomString.get("str-again", Output.of("abc"), RandomStringState.builder().length(12).build(), null);

        var uuid = new RandomUuid("uuid", RandomUuidArgs.builder().keepers(keepers).build());
        Output<String> u = uuid.result();
        var uuid2 = new RandomUuid("uuid2");

        ctx.export("values", Output.all(b64, hex, idHex, idB64Std, idB64Url, idDec, seed.applyValue(Object::toString), secret, bcrypt, petName, str, u));
        ctx.export("roll", roll);
        ctx.export("bytesLength", bytesLength);
        ctx.export("idPrefix", idPrefix);
        ctx.export("separator", separator);
        ctx.export("shuffled", shuffled);
        ctx.export("others", Output.all(idAgain.hex(), pwAgain.result(), shuffle2.results().applyValue(Object::toString), strAgain.result(), uuid2.result()));
    }
}

// Parity program: every resource of pulumi-random v4.21.1, as a Go user writes it.
package main

import (
	"github.com/pulumi/pulumi-random/sdk/v4/go/random"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		keepers := pulumi.StringMap{"k": pulumi.String("v")}
		bytes, err := random.NewRandomBytes(ctx, "bytes", &random.RandomBytesArgs{Length: pulumi.Int(16), Keepers: keepers})
		if err != nil {
			return err
		}
		ctx.Export("base64", bytes.Base64)
		id, err := random.NewRandomId(ctx, "id", &random.RandomIdArgs{ByteLength: pulumi.Int(8), Prefix: pulumi.String("p-")})
		if err != nil {
			return err
		}
		ctx.Export("hex", id.Hex)
		ctx.Export("dec", id.Dec)
		integer, err := random.NewRandomInteger(ctx, "int", &random.RandomIntegerArgs{Min: pulumi.Int(1), Max: pulumi.Int(6), Seed: pulumi.String("s")})
		if err != nil {
			return err
		}
		var n pulumi.IntOutput = integer.Result
		ctx.Export("int", n)
		pw, err := random.NewRandomPassword(ctx, "pw", &random.RandomPasswordArgs{
			Length:          pulumi.Int(20),
			Special:         pulumi.Bool(true),
			OverrideSpecial: pulumi.String("!@"),
			MinLower:        pulumi.Int(1),
			MinUpper:        pulumi.Int(1),
			MinNumeric:      pulumi.Int(1),
			MinSpecial:      pulumi.Int(1),
			Numeric:         pulumi.Bool(true),
			Upper:           pulumi.Bool(true),
			Lower:           pulumi.Bool(true),
		})
		if err != nil {
			return err
		}
		ctx.Export("bcrypt", pw.BcryptHash)
		pet, err := random.NewRandomPet(ctx, "pet", &random.RandomPetArgs{Length: pulumi.Int(2), Separator: pulumi.String("-"), Prefix: pulumi.String("x")})
		if err != nil {
			return err
		}
		ctx.Export("pet", pet.ID())
		shuffle, err := random.NewRandomShuffle(ctx, "shuffle", &random.RandomShuffleArgs{
			Inputs:      pulumi.StringArray{pulumi.String("a"), pulumi.String("b")},
			ResultCount: pulumi.Int(1),
		})
		if err != nil {
			return err
		}
		var results pulumi.StringArrayOutput = shuffle.Results
		ctx.Export("first", results.Index(pulumi.Int(0)))
		str, err := random.NewRandomString(ctx, "str", &random.RandomStringArgs{Length: pulumi.Int(8), Special: pulumi.Bool(false)})
		if err != nil {
			return err
		}
		ctx.Export("str", str.Result)
		uuid, err := random.NewRandomUuid(ctx, "uuid", &random.RandomUuidArgs{Keepers: keepers})
		if err != nil {
			return err
		}
		ctx.Export("uuid", uuid.Result)
		uuid4, err := random.NewRandomUuid4(ctx, "uuid4", nil)
		if err != nil {
			return err
		}
		ctx.Export("uuid4", uuid4.Result)
		uuid7, err := random.NewRandomUuid7(ctx, "uuid7", nil)
		if err != nil {
			return err
		}
		ctx.Export("uuid7", uuid7.Result)
		prov, err := random.NewProvider(ctx, "prov", &random.ProviderArgs{})
		if err != nil {
			return err
		}
		// Lookups by ID with state, outputs through the Output types, containers.
		got, err := random.GetRandomPassword(ctx, "got", pulumi.ID("x"), &random.RandomPasswordState{Length: pulumi.Int(20)}, pulumi.Provider(prov))
		if err != nil {
			return err
		}
		var out random.RandomPasswordOutput = got.ToRandomPasswordOutput()
		ctx.Export("result", out.Result())
		arr := random.RandomPetArray{pet}
		ctx.Export("pets", arr.ToRandomPetArrayOutput().Index(pulumi.Int(0)).Length())
		m := random.RandomStringMap{"s": str}
		ctx.Export("strs", m.ToRandomStringMapOutput().MapIndex(pulumi.String("s")).Result())
		_, err = random.GetRandomInteger(ctx, "gi", pulumi.ID("1"), &random.RandomIntegerState{Min: pulumi.Int(1)})
		return err
	})
}
